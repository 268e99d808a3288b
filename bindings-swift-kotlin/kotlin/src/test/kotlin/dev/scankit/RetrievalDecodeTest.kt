package dev.scankit

import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import java.io.File

/** `decodeRetrievalResponse` (sans I/O) over every Retrieval API fixture, and its errors. */
class RetrievalDecodeTest {
    /** The fixtures' own list: `dir/file.json` -> the model it answers. */
    private val manifest: Map<String, String> =
        JSONObject(Fixtures.file("retrieval/manifest.json").readText()).getJSONArray("fixtures").let { a ->
            (0 until a.length()).associate { a.getJSONObject(it).getString("file") to a.getJSONObject(it).getString("model") }
        }

    private val files: List<File> = Fixtures.file("retrieval").listFiles()!!
        .filter { it.isDirectory }
        .flatMap { dir -> dir.listFiles()!!.filter { it.name.endsWith(".json") } }
        .sortedBy { it.path }

    private fun modelOf(f: File): String =
        manifest["${f.parentFile.name}/${f.name}"] ?: error("fixture ${f.name} is not in retrieval/manifest.json")

    private fun decode(model: String, body: ByteArray, redact: Boolean = false): JSONObject =
        JSONObject(decodeRetrievalResponse(model, 200u, "application/json", null, body, null, redact))

    /** What the models normalise on purpose (as core/tests/retrieval_models.rs): JSON
     *  inside a string is compared decoded, and `"true"` / `"TRUE"` equal `true`. */
    private fun normalize(v: Any?): Any? = when (v) {
        is String -> when {
            v.lowercase() == "true" -> true
            v.lowercase() == "false" -> false
            v.trimStart().startsWith("{") -> runCatching { normalize(JSONTokener(v).nextValue()) }.getOrDefault(v)
            else -> v
        }
        is JSONObject -> v.keySet().associateWith { normalize(v.get(it)) }
        is JSONArray -> (0 until v.length()).map { normalize(v.get(it)) }
        JSONObject.NULL -> null
        is Number -> v.toDouble()
        else -> v
    }

    @Test
    fun `every fixture and model is covered`() {
        assertTrue(files.size >= 40, "fixtures went missing: ${files.size}")
        assertEquals(manifest.keys, files.map { "${it.parentFile.name}/${it.name}" }.toSet())
        val models = retrievalModels()
        assertEquals(manifest.values.toSet(), models.map { it.name }.toSet())
        // Every model has a redacted form.
        assertEquals(models.map { it.name }.toSet(), models.filter { it.redactable }.map { it.name }.toSet())
    }

    @TestFactory
    fun `every fixture decodes`(): List<DynamicTest> = files.map { f ->
        DynamicTest.dynamicTest("${f.parentFile.name}/${f.name}") {
            val model = modelOf(f)
            val raw = f.readBytes()
            val got = decode(model, raw)
            if (f.parentFile.name.startsWith("spec-")) {
                // The spec's samples are written back as read.
                assertEquals(normalize(JSONObject(String(raw))), normalize(got), f.name)
            }
            val redactable = retrievalModels().single { it.name == model }.redactable
            if (redactable) {
                val red = decode(model, raw, redact = true)
                val added = red.keySet() - got.keySet() - "extra"
                val removed = got.keySet() - red.keySet()
                // Undocumented members are renamed `[field-N]`, one for each; nothing else is added.
                assertTrue(added.all { Regex("""\[field-\d+]""").matches(it) }, "${f.name}: redaction added $added")
                assertEquals(removed.size, added.size, "${f.name}: $removed became $added")
            } else {
                val e = assertThrows<RetrievalException.Fatal> { decode(model, raw, redact = true) }
                assertEquals("invalid_request", e.code)
                assertNull(e.httpStatus)
            }
        }
    }

    @Test
    fun `camelCase names are the same models`() {
        val raw = Fixtures.bytes("retrieval/spec-2019/dv-transaction.json")
        assertTrue(decode("dvTransaction", raw).similar(decode("dv_transaction", raw)))
        val e = assertThrows<RetrievalException.Fatal> { decode("scanImage", raw) }
        assertEquals("invalid_request", e.code)
        assertTrue("scan_details" in e.reason, e.reason)
    }

    @Test
    fun `redaction hides the card number, also from the error text`() {
        val raw = Fixtures.bytes("retrieval/hand-made/cc-unmasked.json")
        val number = decode("credit_card", raw).getString("cardNumber")
        assertTrue(number.length >= 12 && number.all { it.isDigit() }, "not an unmasked fixture")
        assertFalse(number in decode("creditCard", raw, redact = true).toString())
        val truncated = "{\"cardNumber\": \"$number\", \"cardExpiryDate\": ".toByteArray()
        val e = assertThrows<RetrievalException.Fatal> { decode("credit_card", truncated) }
        assertEquals("invalid_body", e.code)
        assertFalse(number in e.toString() || number in e.reason, e.toString())
    }

    @Test
    fun `error statuses are classified for every model`() {
        val empty = ByteArray(0)
        for (m in retrievalModels()) {
            val name = m.name
            fun fails(status: Int, retryAfter: String? = null, sinceMs: ULong? = null): RetrievalException =
                assertThrows<RetrievalException> {
                    decodeRetrievalResponse(name, status.toUShort(), null, retryAfter, empty, sinceMs, false)
                }
            fun fatal(e: RetrievalException, code: String, status: Int) {
                assertTrue(e is RetrievalException.Fatal, "$name $status: $e")
                assertEquals(code, (e as RetrievalException.Fatal).code, name)
                assertEquals(status.toUShort(), e.httpStatus, name)
            }
            fun retryable(e: RetrievalException, code: String, status: Int, afterMs: ULong) {
                assertTrue(e is RetrievalException.Retryable, "$name $status: $e")
                val r = e as RetrievalException.Retryable
                assertEquals(code, r.code, name)
                assertEquals(status.toUShort(), r.httpStatus, name)
                assertEquals(afterMs, r.retryAfterMs, name)
            }
            fatal(fails(401), "unauthorized", 401)
            fatal(fails(403), "forbidden", 403)
            fatal(fails(418), "unexpected_status", 418)
            retryable(fails(429, "7"), "rate_limited", 429, 7_000uL)
            retryable(fails(503), "server_error", 503, 30_000uL)
            if (name == "credit_card") {
                // Credit card data may take 5 minutes: a 404 before then is "not ready".
                retryable(fails(404, sinceMs = 10_000uL), "not_ready", 404, 30_000uL)
                fatal(fails(404, sinceMs = 400_000uL), "not_found", 404)
            } else {
                fatal(fails(404, sinceMs = 10_000uL), "not_found", 404)
            }
        }
    }

    @Test
    fun `a body that is not the model is invalid_body`() {
        val e = assertThrows<RetrievalException.Fatal> {
            decodeRetrievalResponse("scan_details", 200u, "application/json", null, "{\"document\": 12".toByteArray())
        }
        assertEquals("invalid_body", e.code)
        assertEquals(200.toUShort(), e.httpStatus)
        // Defaults: sinceScanMs absent, not redacted.
        val plain = decodeRetrievalResponse("scan_status", 200u, "application/json", null, "{\"status\":\"DONE\"}".toByteArray())
        assertEquals("DONE", JSONObject(plain).getString("status"))
    }
}

package dev.scankit

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows

/** Every fixture of `callbacks/manifest.json` against its golden files. */
class CallbackFixturesTest {
    private val manifest = JSONObject(Fixtures.text("callbacks/manifest.json")).getJSONArray("fixtures")

    private fun assertGolden(rel: String, actualJson: String) {
        val expected = JSONObject(Fixtures.text("callbacks/$rel"))
        val actual = JSONObject(actualJson)
        assertTrue(expected.similar(actual), "$rel differs from its golden:\nexpected $expected\nactual   $actual")
    }

    @Test
    fun `the manifest is whole`() {
        assertTrue(manifest.length() >= 25, "the manifest lost fixtures")
        val listed = (0 until manifest.length()).map { manifest.getJSONObject(it).getString("name") + ".form" }.toSet()
        for (kind in listOf("netverify", "document")) {
            val forms = Fixtures.file("callbacks/$kind").listFiles()!!.filter { it.name.endsWith(".form") }
            for (f in forms) assertTrue("$kind/${f.name}" in listed, "$kind/${f.name} is not in the manifest")
        }
    }

    @TestFactory
    fun `every fixture meets its expectation`(): List<DynamicTest> =
        (0 until manifest.length()).map { i ->
            val fx = manifest.getJSONObject(i)
            val name = fx.getString("name")
            DynamicTest.dynamicTest(name) { check(fx) }
        }

    private fun check(fx: JSONObject) {
        val name = fx.getString("name")
        val kind = fx.getString("kind")
        val expect = fx.getJSONObject("expect")
        val body = Fixtures.bytes("callbacks/$name.form")
        if (expect.has("error")) {
            val error = expect.getJSONObject("error")
            val e = assertThrows<CallbackException> {
                if (kind == "netverify") parseCallback(body).close() else parseDocumentCallback(body).close()
            }
            assertEquals(error.getString("code"), snakeCode(e), "$name: ${e.message}")
            val field = if (error.isNull("field")) null else error.getString("field")
            assertEquals(field, fieldOf(e), "$name: ${e.message}")
            assertTrue(reasonOf(e).isNotEmpty())
            return
        }
        when (kind) {
            "netverify" -> parseCallback(body).use { cb ->
                assertGolden(expect.getString("json"), cb.toJson())
                cb.redacted().use { assertGolden(expect.getString("redacted"), it.toJson()) }
                val decision = cb.decision()
                assertEquals(expect.getString("decision"), decision.outcomeName, "$name: ${decision.reason}")
                assertEquals(decision.outcomeName.uppercase(), decision.outcome.name)
                if (expect.has("masked_by_provider")) {
                    val want = expect.getJSONArray("masked_by_provider").toList().map { it as String }
                    assertEquals(want, cb.maskedByProvider(), name)
                }
                if (expect.has("address_format")) {
                    assertEquals(expect.getString("address_format"), cb.addressFormat()?.name, name)
                }
                parseCallback(cb.toForm().toByteArray()).use { assertEquals(cb, it, "$name: form round trip") }
                NetverifyCallback.fromJson(cb.toJson()).use { assertEquals(cb, it, "$name: JSON round trip") }
            }
            "document" -> parseDocumentCallback(body).use { cb ->
                assertGolden(expect.getString("json"), cb.toJson())
                cb.redacted().use { assertGolden(expect.getString("redacted"), it.toJson()) }
                parseDocumentCallback(cb.toForm().toByteArray()).use { assertEquals(cb, it, "$name: form round trip") }
                DocumentCallback.fromJson(cb.toJson()).use { assertEquals(cb, it, "$name: JSON round trip") }
            }
            else -> error("unknown kind $kind")
        }
    }
}

fun fieldOf(e: CallbackException): String? = when (e) {
    is CallbackException.BodyTooLarge -> e.field
    is CallbackException.BadPercentEncoding -> e.field
    is CallbackException.InvalidUtf8 -> e.field
    is CallbackException.InvalidJson -> e.field
    is CallbackException.DuplicateField -> e.field
    is CallbackException.MissingField -> e.field
    is CallbackException.InvalidFormat -> e.field
    is CallbackException.TooLong -> e.field
    is CallbackException.InvalidModelJson -> e.field
}

fun reasonOf(e: CallbackException): String = when (e) {
    is CallbackException.BodyTooLarge -> e.reason
    is CallbackException.BadPercentEncoding -> e.reason
    is CallbackException.InvalidUtf8 -> e.reason
    is CallbackException.InvalidJson -> e.reason
    is CallbackException.DuplicateField -> e.reason
    is CallbackException.MissingField -> e.reason
    is CallbackException.InvalidFormat -> e.reason
    is CallbackException.TooLong -> e.reason
    is CallbackException.InvalidModelJson -> e.reason
}

@Suppress("unused")
private fun JSONArray.strings(): List<String> = (0 until length()).map { getString(it) }

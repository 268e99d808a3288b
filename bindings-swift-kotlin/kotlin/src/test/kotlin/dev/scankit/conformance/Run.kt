// Conformance runner of the Kotlin binding (see conformance/README.md):
// `mvn test-compile exec:java -Dexec.mainClass=dev.scankit.conformance.RunKt -Dexec.args="CASES OUT"`.
// It only calls the binding's public API and writes down what it returned.
package dev.scankit.conformance

import dev.scankit.CallbackException
import dev.scankit.MaskStyle
import dev.scankit.MobicardException
import dev.scankit.MobicardResponse
import dev.scankit.NumberOptions
import dev.scankit.RetrievalException
import dev.scankit.decodeRetrievalResponse
import dev.scankit.fieldOf
import dev.scankit.findPans
import dev.scankit.maskPans
import dev.scankit.parseCallback
import dev.scankit.parseDocumentCallback
import dev.scankit.retrievalModels
import dev.scankit.snakeCode
import dev.scankit.validateCardNumberWith
import dev.scankit.validateCardholderName
import dev.scankit.validateCvv
import dev.scankit.validateExpiry
import java.io.File
import java.time.LocalDate
import java.util.Base64
import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONString

/** JSON text from the binding, written as it came (not re-read by org.json, which could
 *  change how numbers are written). */
private class Raw(private val json: String) : JSONString {
    override fun toJSONString(): String = json
}

/** org.json drops a key put with `null`; the spec wants it written. */
private fun n(v: Any?): Any = v ?: JSONObject.NULL

private fun JSONObject.optText(key: String): String? = if (isNull(key)) null else getString(key)

private fun JSONObject.optLongOrNull(key: String): Long? = if (isNull(key)) null else getLong(key)

private fun body(case: JSONObject): ByteArray = Base64.getDecoder().decode(case.getString("body_b64"))

/** The spec's styles, in its order; Kotlin's enum constants are named in SCREAMING_CASE. */
private val STYLES = listOf(
    "jumio" to MaskStyle.JUMIO,
    "jumio-account" to MaskStyle.JUMIO_ACCOUNT,
    "mobicard" to MaskStyle.MOBICARD,
    "pci" to MaskStyle.PCI,
    "pci8" to MaskStyle.PCI8,
    "last4" to MaskStyle.LAST4,
)

private fun netverify(case: JSONObject): Any = parseCallback(body(case)).use { cb ->
    val d = cb.decision()
    JSONObject()
        .put("parsed", Raw(cb.toJson()))
        .put("redacted", cb.redacted().use { Raw(it.toJson()) })
        // OUTCOME_NAME -> outcome_name, the spec's spelling.
        .put("decision", JSONObject().put("outcome", d.outcome.name.lowercase()).put("reason", d.reason))
        .put("masked_by_provider", JSONArray(cb.maskedByProvider()))
        .put("form", cb.toForm())
}

private fun document(case: JSONObject): Any = parseDocumentCallback(body(case)).use { cb ->
    JSONObject()
        .put("parsed", Raw(cb.toJson()))
        .put("redacted", cb.redacted().use { Raw(it.toJson()) })
        .put("form", cb.toForm())
}

private fun retrieval(case: JSONObject): Any {
    val model = case.getString("model")
    val status = case.getInt("status").toUShort()
    val contentType = case.optText("content_type")
    val retryAfter = case.optText("retry_after")
    val since = case.optLongOrNull("since_scan_ms")?.toULong()
    val raw = body(case)
    val decoded = decodeRetrievalResponse(model, status, contentType, retryAfter, raw, since, false)
    val redactable = retrievalModels().any { it.name == model && it.redactable }
    val redacted = if (redactable) {
        Raw(decodeRetrievalResponse(model, status, contentType, retryAfter, raw, since, true))
    } else {
        JSONObject.NULL
    }
    return JSONObject().put("decoded", Raw(decoded)).put("redacted", redacted)
}

private fun mobicard(case: JSONObject): Any = MobicardResponse.parse(body(case)).use { r ->
    val today = LocalDate.parse(case.getString("today"))
    val check = r.crossCheck(today.year.toUShort(), today.monthValue.toUByte())?.let { c ->
        JSONObject()
            .put("luhn", n(c.luhn))
            .put("brand", n(c.brand))
            .put("claimed_brand", n(c.claimedBrand))
            .put("expiry", n(c.expiry))
            .put("disagreements", JSONArray(c.disagreements.map { d ->
                JSONObject().put("check", d.check).put("reported", n(d.reported)).put("computed", d.computed)
            }))
    }
    JSONObject()
        .put("response", Raw(r.toJson()))
        .put("redacted", r.redacted().use { Raw(it.toJson()) })
        .put("is_success", r.isSuccess())
        // RETRY_WITH_BACKOFF -> retry_with_backoff, the spec's spelling.
        .put("action", r.action().name.lowercase())
        .put("cross_check", n(check))
}

private fun cardNumber(case: JSONObject): Any {
    val options = NumberOptions(
        maxLength = case.optLongOrNull("max_length")?.toUInt(),
        skipLuhn = false,
        luhnValidateUnionpay = case.getBoolean("luhn_validate_unionpay"),
    )
    val v = validateCardNumberWith(case.getString("input"), options)
    return JSONObject()
        .put("brand", n(v.brand))
        .put("candidates", JSONArray(v.candidates))
        .put("potentially_valid", v.potentiallyValid)
        .put("valid", v.valid)
}

private fun cardExpiry(case: JSONObject): Any {
    val today = LocalDate.parse(case.getString("today"))
    val max = case.optLongOrNull("max_years_ahead")?.toUShort()
    val v = validateExpiry(case.getString("input"), today.year.toUShort(), today.monthValue.toUByte(), max)
    return JSONObject()
        .put("potentially_valid", v.potentiallyValid)
        .put("valid", v.valid)
        .put("month", n(v.month?.toInt()))
        .put("year", n(v.year?.toInt()))
}

private fun cvv(case: JSONObject): Any {
    val sizes = case.getJSONArray("sizes").let { a -> (0 until a.length()).map { a.getInt(it).toUInt() } }
    val v = validateCvv(case.getString("input"), sizes)
    return JSONObject().put("potentially_valid", v.potentiallyValid).put("valid", v.valid)
}

private fun cardholderName(case: JSONObject): Any {
    val v = validateCardholderName(case.getString("input"))
    return JSONObject().put("potentially_valid", v.potentiallyValid).put("valid", v.valid)
}

private fun maskText(case: JSONObject): Any {
    val text = case.getString("text")
    val masked = JSONObject()
    for ((name, style) in STYLES) masked.put(name, maskPans(text, style))
    val found = findPans(text).map { s ->
        JSONObject().put("text", text.substring(s.start.toInt(), s.end.toInt())).put("brand", s.brand)
    }
    return JSONObject().put("masked", masked).put("found", JSONArray(found))
}

private val OPS: Map<String, (JSONObject) -> Any> = mapOf(
    "netverify_callback" to ::netverify,
    "document_callback" to ::document,
    "retrieval_response" to ::retrieval,
    "mobicard_response" to ::mobicard,
    "card_number" to ::cardNumber,
    "card_expiry" to ::cardExpiry,
    "cvv" to ::cvv,
    "cardholder_name" to ::cardholderName,
    "mask_text" to ::maskText,
)

/** The spec's error object: the binding's exception types by op, else unexpected. */
private fun error(op: String, e: Throwable): JSONObject = when {
    op.endsWith("_callback") && e is CallbackException ->
        JSONObject().put("kind", "callback").put("code", snakeCode(e)).put("field", n(fieldOf(e)))
    op == "retrieval_response" && e is RetrievalException -> {
        val code = when (e) {
            is RetrievalException.Retryable -> e.code
            is RetrievalException.Fatal -> e.code
        }
        JSONObject().put("kind", "retrieval").put("code", code).put("retryable", e is RetrievalException.Retryable)
    }
    op == "mobicard_response" && e is MobicardException -> JSONObject().put("kind", "mobicard")
    else -> JSONObject().put("kind", "unexpected").put("message", "${e::class.qualifiedName}: ${e.message}")
}

private fun run(case: JSONObject): JSONObject {
    val id = case.getString("id")
    val op = case.getString("op")
    val handler = OPS[op] ?: return JSONObject().put("id", id).put("unsupported", "op $op is not known to this runner")
    val output = try {
        handler(case)
    } catch (e: Exception) {
        // Every failure is written down; none stops the run.
        JSONObject().put("error", error(op, e))
    }
    return JSONObject().put("id", id).put("output", output)
}

fun main(args: Array<String>) {
    // Under exec:java an exception fails the Maven goal; exiting would end Maven itself.
    require(args.size == 2) { "usage: RunKt CASES OUT" }
    val out = File(args[1])
    out.parentFile?.mkdirs()
    out.bufferedWriter(Charsets.UTF_8).use { w ->
        File(args[0]).useLines(Charsets.UTF_8) { lines ->
            for (line in lines) {
                if (line.isBlank()) continue
                w.write(run(JSONObject(line)).toString())
                w.write("\n")
            }
        }
    }
}

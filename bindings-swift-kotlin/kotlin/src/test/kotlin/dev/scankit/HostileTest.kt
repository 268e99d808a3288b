package dev.scankit

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * The hostile corpus (`hostile/callbacks.json`, written by
 * scripts/make_hostile_fixtures.py) through the Kotlin binding's public API:
 * nothing planted may be readable in what the binding offers as safe to show
 * (the redacted copy's JSON, accessors and `toString()`, the parsed object's
 * `toString()`, the decision, and exceptions). The Kotlin twin of
 * core/tests/redaction_hostile.rs.
 */
class HostileTest {
    private val entries = JSONObject(Fixtures.text("hostile/callbacks.json")).getJSONArray("entries")

    /** The first planted value readable in [shown]: names compared case-blind,
     * card numbers also with spaces and dashes taken out of [shown]. */
    private fun leak(shown: String, planted: List<String>): String? {
        val lower = shown.lowercase()
        val squeezed = shown.filter { it != ' ' && it != '-' }
        return planted.firstOrNull { p ->
            if (p.all { it in '0'..'9' }) squeezed.contains(p) else lower.contains(p)
        }
    }

    private fun shownOf(cb: NetverifyCallback): List<Pair<String, String>> = cb.redacted().use { red ->
        val d = cb.decision()
        listOf(
            "parsed.toString()" to cb.toString(),
            "redacted.toString()" to red.toString(),
            "redacted.toJson()" to red.toJson(),
            "redacted.scanReference()" to red.scanReference(),
            "redacted.verificationStatus()" to red.verificationStatus(),
            "redacted.idScanStatus()" to red.idScanStatus().toString(),
            "redacted.idType()" to red.idType().toString(),
            "redacted.idCountry()" to red.idCountry().toString(),
            "redacted.rejectReasonCode()" to red.rejectReasonCode().toString(),
            "redacted.merchantScanReference()" to red.merchantScanReference().toString(),
            "redacted.customerId()" to red.customerId().toString(),
            "redacted.extraFieldNames()" to red.extraFieldNames().toString(),
            "redacted.maskedByProvider()" to red.maskedByProvider().toString(),
            "decision().reason" to d.reason,
            "decision().outcomeName" to d.outcomeName,
            "decision().toString()" to d.toString(),
            "redacted.decision().toString()" to red.decision().toString(),
        )
    }

    private fun shownOf(cb: DocumentCallback): List<Pair<String, String>> = cb.redacted().use { red ->
        listOf(
            "parsed.toString()" to cb.toString(),
            "redacted.toString()" to red.toString(),
            "redacted.toJson()" to red.toJson(),
            "redacted.scanReference()" to red.scanReference(),
            "redacted.transactionStatus()" to red.transactionStatus().toString(),
            "redacted.documentStatus()" to red.documentStatus().toString(),
            "redacted.documentType()" to red.documentType().toString(),
        )
    }

    private fun shownOf(e: CallbackException): List<Pair<String, String>> = listOf(
        "e.message" to e.message.toString(),
        "e.localizedMessage" to e.localizedMessage.toString(),
        "e.toString()" to e.toString(),
        "field" to fieldOf(e).toString(),
        "reason" to reasonOf(e),
        "e.stackTraceToString()" to e.stackTraceToString(),
    )

    @Test
    fun `nothing planted in the hostile corpus is readable`() {
        assertTrue(entries.length() >= 240, "${entries.length()} entries")
        var parsed = 0
        var refused = 0
        val leaks = mutableListOf<String>()
        for (i in 0 until entries.length()) {
            val entry = entries.getJSONObject(i)
            val name = entry.getString("name")
            val kind = entry.getString("kind")
            val body = entry.getString("body")
            val planted = entry.getJSONArray("planted").toList().map { it as String }
            assertTrue(planted.isNotEmpty(), "$name: nothing planted")
            val bytes = body.toByteArray(Charsets.UTF_8)
            val shown: List<Pair<String, String>> = try {
                val (unredacted, shown) = when (kind) {
                    "netverify" -> parseCallback(bytes).use { it.toJson() to shownOf(it) }
                    "document" -> parseDocumentCallback(bytes).use { it.toJson() to shownOf(it) }
                    else -> error("$name: unknown kind $kind")
                }
                parsed++
                // The planted value is really in the parsed result or the
                // body: the check cannot pass by accident.
                if (!unredacted.contains("[field-")) {
                    assertTrue(leak(unredacted + body, planted) != null, "$name: not planted")
                }
                shown
            } catch (e: CallbackException) {
                refused++
                shownOf(e)
            }
            for ((what, text) in shown) {
                val p = leak(text, planted)
                if (p != null) leaks += "$name: $p readable in $what: $text"
            }
        }
        assertTrue(leaks.isEmpty(), "${leaks.size} leaks:\n" + leaks.joinToString("\n\n"))
        // Both paths are exercised: redaction and error messages.
        assertTrue(parsed > 150 && refused > 20, "$parsed parsed, $refused refused")
    }
}

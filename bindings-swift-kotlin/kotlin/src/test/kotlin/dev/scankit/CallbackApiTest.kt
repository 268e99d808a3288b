package dev.scankit

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** The callback API beyond the fixtures: accessors, options, tables, allowlist. */
class CallbackApiTest {
    private val approved = Fixtures.bytes("callbacks/netverify/spec-approved.form")

    @Test
    fun `accessors read the parsed callback`() {
        parseCallback(approved).use { cb ->
            val json = JSONObject(cb.toJson())
            assertEquals(json.getString("jumioIdScanReference"), cb.scanReference())
            assertEquals(json.getString("verificationStatus"), cb.verificationStatus())
            assertEquals(json.optString("idScanStatus", null), cb.idScanStatus())
            assertEquals(json.optString("idType", null), cb.idType())
            assertEquals(json.optString("idCountry", null), cb.idCountry())
            assertEquals(json.optString("merchantIdScanReference", null), cb.merchantScanReference())
            assertEquals(json.optString("customerId", null), cb.customerId())
            assertNull(cb.rejectReasonCode())
            assertEquals(Outcome.APPROVED, cb.decision().outcome)
        }
        parseCallback(Fixtures.bytes("callbacks/netverify/spec-fraud.form")).use { cb ->
            val code = cb.rejectReasonCode()
            assertNotNull(code)
            val info = rejectReasonInfo(code!!)
            assertNotNull(info)
            assertEquals(RejectCategory.FRAUD, info!!.category)
            assertEquals(Outcome.FRAUD, cb.decision().outcome)
        }
    }

    @Test
    fun `toString is redacted`() {
        parseCallback(approved).use { cb ->
            val json = JSONObject(cb.toJson())
            val shown = cb.toString()
            for (key in listOf("idFirstName", "idLastName", "idNumber")) {
                val v = json.optString(key, "")
                if (v.length > 2) assertFalse(shown.contains(v), "$key is shown: $shown")
            }
            assertTrue(shown.isNotEmpty())
        }
    }

    @Test
    fun `unknown fields are kept`() {
        val body = "jumioIdScanReference=r1&verificationStatus=APPROVED_VERIFIED&idScanStatus=SUCCESS&newField=x".toByteArray()
        parseCallback(body).use { cb ->
            assertEquals(listOf("newField"), cb.extraFieldNames())
            assertTrue(cb.toForm().contains("newField=x"))
        }
    }

    @Test
    fun `options bound the body`() {
        val defaults = defaultParseOptions()
        assertEquals(65536uL, defaults.maxBodyBytes)
        assertTrue(defaults.enforceMaxLengths)
        assertEquals(defaults, ParseOptions())
        val small = ParseOptions(maxBodyBytes = 10uL)
        val e = assertThrows<CallbackException.BodyTooLarge> { parseCallbackWith(approved, small) }
        assertNull(e.field)
        assertEquals("body_too_large", snakeCode(e))
        parseCallbackWith(approved, defaults).use { assertEquals(Outcome.APPROVED, it.decision().outcome) }
        val dv = Fixtures.bytes("callbacks/document/spec-extracted.form")
        assertThrows<CallbackException.BodyTooLarge> { parseDocumentCallbackWith(dv, small) }
        parseDocumentCallbackWith(dv, defaults).use { assertTrue(it.scanReference().isNotEmpty()) }
    }

    @Test
    fun `a 100 MB body is refused by its size before it is copied`() {
        val defaults = defaultParseOptions()
        val huge = ByteArray(100_000_000)
        checkBodySize(approved.size.toULong(), defaults)
        // Only the size crosses into Rust: nothing is copied.
        val t0 = System.nanoTime()
        val e = assertThrows<CallbackException.BodyTooLarge> { checkBodySize(huge.size.toULong(), defaults) }
        val checkMs = (System.nanoTime() - t0) / 1e6
        assertNull(e.field)
        assertEquals("body: 100000000 bytes is over the limit of 65536 bytes", e.reason)
        assertEquals("body_too_large", snakeCode(e))
        val small = ParseOptions(maxBodyBytes = 10uL)
        val s = assertThrows<CallbackException.BodyTooLarge> { checkBodySize(11uL, small) }
        assertEquals("body: 11 bytes is over the limit of 10 bytes", s.reason)
        // The parse functions refuse it with the same error, but only after
        // uniffi has copied the array into Rust memory (twice): what
        // checkBodySize is there to avoid.
        val t1 = System.nanoTime()
        val p = assertThrows<CallbackException.BodyTooLarge> { parseCallbackWith(huge, defaults) }
        val parseMs = (System.nanoTime() - t1) / 1e6
        assertEquals(e.reason, p.reason)
        println("checkBodySize(100 MB): %.2f ms; parseCallbackWith(100 MB): %.1f ms".format(checkMs, parseMs))
        assertTrue(checkMs < 200, "checkBodySize took $checkMs ms")
        assertTrue(parseMs < 5000, "parseCallbackWith took $parseMs ms")
    }

    @Test
    fun `missing field names the field`() {
        val e = assertThrows<CallbackException.MissingField> { parseCallback("verificationStatus=APPROVED_VERIFIED".toByteArray()) }
        assertEquals("jumioIdScanReference", e.field)
        assertTrue(e.reason.contains("jumioIdScanReference"))
    }

    @Test
    fun `bad model JSON is an error`() {
        assertThrows<CallbackException.InvalidModelJson> { NetverifyCallback.fromJson("[1, 2]") }
        assertThrows<CallbackException.InvalidModelJson> { DocumentCallback.fromJson("{") }
    }

    @Test
    fun `document callback accessors`() {
        parseDocumentCallback(Fixtures.bytes("callbacks/document/spec-extracted.form")).use { cb ->
            val json = JSONObject(cb.toJson())
            assertEquals(json.getString("scanReference"), cb.scanReference())
            val tx = json.optJSONObject("transaction")
            assertEquals(tx?.optString("status", null), cb.transactionStatus())
            val doc = json.optJSONObject("document")
            assertEquals(doc?.optString("status", null), cb.documentStatus())
            assertEquals(doc?.optString("type", null), cb.documentType())
            assertTrue(cb.toString().isNotEmpty())
        }
    }

    @Test
    fun `reject code tables`() {
        val info = rejectReasonInfo("100")!!
        assertEquals("MANIPULATED_DOCUMENT", info.description)
        assertEquals(RejectCategory.FRAUD, info.category)
        assertEquals(RejectCategory.NOT_READABLE, rejectReasonInfo("200")?.category)
        assertNull(rejectReasonInfo("999999"))
        assertNotNull(rejectDetailInfo("1001"))
        assertNull(rejectDetailInfo("nope"))
    }

    @Test
    fun allowlist() {
        Allowlist.provider().use { list ->
            val entries = list.entries()
            assertTrue(entries.isNotEmpty())
            val first = entries.first().substringBefore('/')
            assertTrue(list.isAllowed(first))
            assertFalse(list.isAllowed("127.0.0.1"))
            assertFalse(list.isAllowed("not an ip"))
            list.withLoopback().use { assertTrue(it.isAllowed("127.0.0.1")) }
        }
        Allowlist.fromEntries(listOf("10.0.0.0/8", "::1")).use {
            assertTrue(it.isAllowed("10.1.2.3"))
            assertTrue(it.isAllowed("::1"))
            assertFalse(it.isAllowed("11.0.0.1"))
        }
        val e = assertThrows<AllowlistException.InvalidEntry> { Allowlist.fromEntries(listOf("10.0.0.1", "bad")) }
        assertEquals(1u, e.index)
        assertTrue(e.reason.isNotEmpty())
    }

    @Test
    fun version() {
        assertTrue(scankitVersion().matches(Regex("""\d+\.\d+\.\d+.*""")))
    }
}

package dev.scankit

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** MobiCard ScanAPI responses (the spec's samples) and the image pre-check. */
class MobicardTest {
    @Test
    fun `the spec's success response`() {
        val body = Fixtures.bytes("mobicard/spec-success.json")
        MobicardResponse.parse(body).use { r ->
            assertTrue(r.isSuccess())
            assertEquals("SUCCESS", r.status())
            assertEquals("200", r.statusCode())
            assertEquals(MobicardAction.PROCESS, r.action())
            assertFalse(r.isRetryable())
            assertEquals("5173********5601", r.cardNumberMasked())
            r.cardPan()!!.use { pan ->
                assertEquals("mastercard", pan.brand())
                assertFalse(pan.toString().contains("5173350006475601"))
            }
            val shown = r.toString()
            assertFalse(shown.contains("5173350006475601"), shown)
            assertFalse(shown.contains("JOHN DOE"), shown)
            assertTrue(JSONObject(r.toJson()).similar(JSONObject(String(body))))
            r.redacted().use { assertFalse(it.toJson().contains("5173350006475601")) }
            val check = r.crossCheck(2026u, 1u)
            assertNotNull(check)
            assertEquals(true, check!!.luhn)
            assertEquals("mastercard", check.brand)
            assertEquals("mastercard", check.claimedBrand)
            // The sample reports brand_prefix false and expiry false; scankit disagrees on the prefix.
            assertTrue(check.disagreements.any { it.check == "brand_prefix" && it.reported == false && it.computed })
        }
    }

    @Test
    fun `the spec's error response`() {
        MobicardResponse.parse(Fixtures.bytes("mobicard/spec-error.json")).use { r ->
            assertFalse(r.isSuccess())
            assertEquals("400", r.statusCode())
            assertEquals(MobicardAction.FIX_REQUEST, r.action())
            assertNull(r.cardPan())
            assertNull(r.cardNumberMasked())
            assertNull(r.crossCheck(2026u, 1u))
        }
        val codes = mapOf(
            "430" to MobicardAction.REFRESH_TOKEN_AND_RETRY, "429" to MobicardAction.RETRY_WITH_BACKOFF,
            "500" to MobicardAction.RETRY_WITH_BACKOFF, "250" to MobicardAction.TOP_UP,
        )
        for ((code, action) in codes) {
            MobicardResponse.parse("""{"status":"FAILED","status_code":"$code"}""".toByteArray()).use {
                assertEquals(action, it.action(), code)
            }
        }
        MobicardResponse.parse("""{"status":"FAILED","status_code":"999"}""".toByteArray()).use {
            assertEquals(MobicardAction.GIVE_UP, it.action())
        }
        MobicardResponse.parse(Fixtures.bytes("mobicard/provider-variant.json")).use { assertTrue(it.status().isNotEmpty()) }
        val e = assertThrows<MobicardException.InvalidResponse> { MobicardResponse.parse("{\"status\": 4111111111111111".toByteArray()) }
        assertEquals("body", e.field)
        assertFalse(e.reason.contains("4111111111111111"))
    }

    @Test
    fun `image precheck`() {
        val empty = precheckCardImage(ByteArray(0))
        assertFalse(empty.ok)
        assertEquals(listOf("empty"), empty.errors)
        // A 1x1 PNG header: supported, but too small.
        val png = byteArrayOf(
            0x89.toByte(), 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4.toByte(), 0x89.toByte(),
        )
        val small = precheckCardImage(png)
        assertEquals("png", small.format)
        assertEquals(1u, small.width)
        assertEquals(1u, small.height)
        assertEquals(png.size.toULong(), small.bytes)
        assertEquals(listOf("too_small"), small.errors)
        assertTrue(small.warnings.isEmpty())
        assertEquals(listOf("unsupported_format"), precheckCardImage("hello".toByteArray()).errors)
    }
}

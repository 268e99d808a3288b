package dev.scankit

import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Card validation (the differential fixture made with the npm packages), formatting and masking. */
class CardTest {
    private val diff = JSONObject(Fixtures.text("cards/npm-differential.json"))

    private fun JSONArray.strings() = (0 until length()).map { getString(it) }
    private fun JSONObject.optStr(key: String): String? = if (isNull(key)) null else getString(key)

    @Test
    fun `number cases agree with the fixture`() {
        val cases = diff.getJSONArray("number_cases")
        assertTrue(cases.length() > 1000)
        for (i in 0 until cases.length()) {
            val c = cases.getJSONObject(i)
            val input = c.getString("input")
            val o = c.getJSONObject("options")
            val want = if (c.has("scankit")) c.getJSONObject("scankit") else c.getJSONObject("npm")
            val got = if (o.isEmpty) validateCardNumber(input) else validateCardNumberWith(
                input,
                NumberOptions(
                    maxLength = if (o.has("maxLength")) o.getInt("maxLength").toUInt() else null,
                    luhnValidateUnionpay = o.optBoolean("luhnValidateUnionPay", false),
                    skipLuhn = o.optBoolean("skipLuhn", false),
                ),
            )
            val what = "number '$input' $o"
            assertEquals(want.optStr("card"), got.brand, what)
            assertEquals(want.getJSONArray("candidates").strings(), got.candidates, what)
            assertEquals(want.getBoolean("potentially_valid"), got.potentiallyValid, what)
            assertEquals(want.getBoolean("valid"), got.valid, what)
        }
    }

    @Test
    fun `expiry cases agree with the fixture`() {
        val cases = diff.getJSONArray("expiry_cases")
        for (i in 0 until cases.length()) {
            val c = cases.getJSONObject(i)
            val (y, m) = c.getString("today").split("-").let { it[0].toInt() to it[1].toInt() }
            val max = if (c.isNull("max_years_ahead")) null else c.getInt("max_years_ahead").toUShort()
            val got = validateExpiry(c.getString("input"), y.toUShort(), m.toUByte(), max)
            val want = if (c.has("scankit")) c.getJSONObject("scankit") else c.getJSONObject("npm")
            val what = "expiry '${c.getString("input")}' at ${c.getString("today")} max $max"
            assertEquals(want.getBoolean("potentially_valid"), got.potentiallyValid, what)
            assertEquals(want.getBoolean("valid"), got.valid, what)
            assertEquals(if (want.isNull("month")) null else want.getString("month").toInt(), got.month?.toInt(), what)
            // npm gives the year as typed; two digits are in this century.
            val wantYear = if (want.isNull("year")) null else want.getString("year").let { t ->
                if (t.length == 2) y / 100 * 100 + t.toInt() else t.toInt()
            }
            assertEquals(wantYear, got.year?.toInt(), what)
        }
        assertTrue(validateExpiry("12/30", 2026u, 11u).valid)
    }

    @Test
    fun `cvv and name cases agree with the fixture`() {
        val cvv = diff.getJSONArray("cvv_cases")
        for (i in 0 until cvv.length()) {
            val c = cvv.getJSONObject(i)
            val sizes = (0 until c.getJSONArray("sizes").length()).map { c.getJSONArray("sizes").getInt(it).toUInt() }
            val got = validateCvv(c.getString("input"), sizes)
            val want = c.getJSONObject("npm")
            assertEquals(FieldValidation(want.getBoolean("potentially_valid"), want.getBoolean("valid")), got, "cvv '${c.getString("input")}' $sizes")
        }
        val names = diff.getJSONArray("name_cases")
        for (i in 0 until names.length()) {
            val c = names.getJSONObject(i)
            val want = c.getJSONObject("npm")
            assertEquals(
                FieldValidation(want.getBoolean("potentially_valid"), want.getBoolean("valid")),
                validateCardholderName(c.getString("input")), "name '${c.getString("input")}'",
            )
        }
        assertTrue(validateCvvForBrand("1234", "american-express").valid)
        assertFalse(validateCvvForBrand("1234", "visa").valid)
        assertTrue(validateCvvForBrand("123", null).valid)
    }

    @Test
    fun brands() {
        val all = cardBrands()
        assertEquals(18, all.size)
        val amex = all.single { it.id == "american-express" }
        assertEquals("American Express", amex.name)
        assertEquals("CID", amex.codeName)
        assertEquals(4.toUByte(), amex.codeSize)
        assertEquals(listOf(15u), amex.lengths)
        assertEquals(listOf(4u, 10u), amex.gaps)
    }

    @Test
    fun `formatting and luhn`() {
        val f = formatCardNumber("4111111111111111", 16u)
        assertEquals("4111 1111 1111 1111", f.text)
        assertEquals(19u, f.caret)
        assertEquals("visa", f.brand)
        assertTrue(luhnValid("4111111111111111"))
        assertFalse(luhnValid("4111111111111112"))
        assertEquals(1.toUByte(), luhnCheckDigit("411111111111111"))
        assertNull(luhnCheckDigit("41x"))
        val v = validateCardNumber("4111 1111 1111 1111")
        assertTrue(v.valid && v.luhnValid)
        assertEquals(16u, v.length)
    }

    @Test
    fun masking() {
        val n = "4111111111111111"
        assertEquals("411111xxxxxx1111", maskDigits(n, MaskStyle.JUMIO))
        assertEquals("xxxxxxxxxxxxxx11", maskDigits(n, MaskStyle.JUMIO_ACCOUNT))
        assertEquals("4111********1111", maskDigits(n, MaskStyle.MOBICARD))
        assertEquals("411111******1111", maskDigits(n, MaskStyle.PCI))
        assertEquals("41111111****1111", maskDigits(n, MaskStyle.PCI8))
        assertEquals("************1111", maskDigits(n, MaskStyle.LAST4))
        val text = "paid with 4111 1111 1111 1111 today"
        val masked = maskPans(text, MaskStyle.LAST4)
        assertFalse(masked.contains("4111 1111 1111"), masked)
        assertTrue(masked.endsWith("1111 today"), masked)
        val spans = findPans(text)
        assertEquals(1, spans.size)
        assertEquals("visa", spans[0].brand)
        assertEquals("4111 1111 1111 1111", text.substring(spans[0].start.toInt(), spans[0].end.toInt()))
        // Offsets are UTF-16 units, Kotlin's own, also after characters outside the BMP.
        val wide = "é𝒜 paid 378282246310005"
        val amex = findPans(wide).single()
        assertEquals("378282246310005", wide.substring(amex.start.toInt(), amex.end.toInt()))
    }

    @Test
    fun `a pan shows masked`() {
        Pan("4111-1111-1111-1111").use { pan ->
            assertEquals("visa", pan.brand())
            assertEquals(16u, pan.length())
            assertEquals("1111", pan.last4())
            assertEquals("411111******1111", pan.toString())
            assertFalse(pan.toString().contains("4111111111111111"))
            assertEquals("************1111", pan.masked(MaskStyle.LAST4))
            assertEquals("4111111111111111", pan.exposeDigits())
        }
        assertEquals("luhn", snakeCode(assertThrows<CardException.Luhn> { Pan("4111111111111112") }))
        assertThrows<CardException.NotDigits> { Pan("4111x") }
        assertThrows<CardException.UnknownBrand> { Pan("9999999999999999") }
        val e = assertThrows<CardException.BadLength> { Pan("41111111111") }
        assertEquals("card number", e.field)
        assertFalse(e.reason.contains("41111111111"))
    }
}

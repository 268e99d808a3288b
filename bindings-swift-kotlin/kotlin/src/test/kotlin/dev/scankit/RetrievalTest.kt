package dev.scankit

import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/** A `scankit-sandbox` process on 127.0.0.1 with a free port. */
class Sandbox(vararg args: String) : AutoCloseable {
    private val process: Process
    val baseUrl: String

    init {
        val bin = File(System.getProperty("scankit.sandbox") ?: error("scankit.sandbox is not set"))
        check(bin.canExecute()) { "no sandbox binary at $bin (make setup-kotlin builds it)" }
        process = ProcessBuilder(listOf(bin.path, "--port", "0") + args)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        baseUrl = process.inputStream.bufferedReader().readLine()?.trim()
            ?: error("the sandbox printed no URL")
        check(baseUrl.startsWith("http://127.0.0.1:")) { "unexpected sandbox URL $baseUrl" }
    }

    fun add(scan: JSONObject) {
        val request = HttpRequest.newBuilder(URI.create("$baseUrl/admin/scans"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(scan.toString()))
            .build()
        val response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "admin/scans: ${response.statusCode()} ${response.body()}" }
    }

    fun client(token: String = "sandbox-token", secret: String = "sandbox-secret"): RetrievalClient =
        ApiSecret(secret).use { s ->
            Credentials(token, s).use { c ->
                RetrievalClient(c, "Scankit KotlinTests/1.0.0", Endpoints.Single(baseUrl), 10_000uL)
            }
        }

    override fun close() {
        process.destroy()
        process.waitFor()
    }
}

/** The blocking client against the sandbox, every endpoint and error class; the polling schedule. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrievalTest {
    private lateinit var sandbox: Sandbox
    private lateinit var client: RetrievalClient

    @BeforeAll
    fun start() {
        sandbox = Sandbox()
        for ((ref, kind) in listOf("id-1" to "id_verification", "auth-1" to "authentication", "dv-1" to "document", "cc-1" to "credit_card")) {
            sandbox.add(JSONObject().put("reference", ref).put("kind", kind))
        }
        client = sandbox.client()
    }

    @AfterAll
    fun stop() {
        client.close()
        sandbox.close()
    }

    @Test
    fun `secrets are masked`() {
        ApiSecret("s3cr3t-value").use { s ->
            assertFalse(s.toString().contains("s3cr3t-value"), s.toString())
            Credentials("tok", s).use { c ->
                assertEquals("tok", c.token())
                assertFalse(c.toString().contains("s3cr3t-value"), c.toString())
            }
        }
        assertEquals("secret", assertThrows<RequestException.Invalid> { ApiSecret("") }.field)
        ApiSecret("x").use { s ->
            assertEquals("token", assertThrows<RequestException.Invalid> { Credentials("a:b", s) }.field)
            Credentials("t", s).use { c ->
                val ua = assertThrows<RequestException.Invalid> { RetrievalClient(c, "", Endpoints.Provider(Region.EU), 1000uL) }
                assertEquals("userAgent", ua.field)
                val url = assertThrows<RequestException.Invalid> { RetrievalClient(c, "A B/1.0", Endpoints.Single("ftp://x"), 1000uL) }
                assertEquals("baseUrl", url.field)
                for (region in Region.entries) RetrievalClient(c, "A B/1.0", Endpoints.Provider(region), 1000uL).close()
            }
        }
    }

    @Test
    fun `id verification endpoints`() {
        val status = client.scanStatus("id-1")
        assertEquals("DONE", status.status)
        assertEquals("id-1", status.scanReference)
        assertTrue(status.isFinal)
        assertTrue(status.timestamp != null)
        client.scanDetails("id-1").use { d ->
            val json = JSONObject(d.toJson())
            assertEquals("DRIVING_LICENSE", json.getJSONObject("document").getString("type"))
            assertFalse(d.toString().contains("123456789"), d.toString())
            val facemap = json.getJSONObject("facemap").getString("href")
            assertEquals("image/png", client.download(facemap).contentType)
        }
        client.scanDocument("id-1").use { assertEquals("123456789", JSONObject(it.toJson()).getString("number")) }
        client.scanTransaction("id-1").use { assertEquals("DONE", JSONObject(it.toJson()).getString("status")) }
        client.scanVerification("id-1").use { assertEquals("NOT_AVAILABLE", JSONObject(it.toJson()).getString("mrzCheck")) }
        client.scanImages("id-1").use { assertEquals(3, JSONObject(it.toJson()).getJSONArray("images").length()) }
        val back = client.scanImage("id-1", "back")
        assertEquals("image/png", back.contentType)
        assertTrue(back.bytes.copyOfRange(1, 4).contentEquals("PNG".toByteArray()))
        assertEquals("image/png", client.scanLivenessImage("id-1", 1u).contentType)
    }

    @Test
    fun `authentication and document endpoints`() {
        client.authentication("auth-1").use { assertEquals("PASSED", JSONObject(it.toJson()).getString("transactionResult")) }
        assertEquals("image/png", client.authenticationImage("auth-1", "face").contentType)
        assertEquals("image/png", client.authenticationLivenessImage("auth-1", 2u).contentType)
        client.dvStatus("dv-1").use { assertEquals("DONE", JSONObject(it.toJson()).getString("status")) }
        client.dvDetails("dv-1").use { assertTrue(JSONObject(it.toJson()).has("document")) }
        client.dvDocument("dv-1").use { assertEquals("USA", JSONObject(it.toJson()).getString("country")) }
        client.dvTransaction("dv-1").use {
            assertEquals("CUSTOMERID", JSONObject(it.toJson()).getString("customerId"))
        }
        client.dvPages("dv-1").use { assertEquals(2, JSONObject(it.toJson()).getJSONArray("images").length()) }
        assertEquals("image/png", client.dvPage("dv-1", 1u, MaskHint.MASKED).contentType)
    }

    @Test
    fun `credit card is masked by default`() {
        client.creditCard("cc-1", MaskHint.MASKED, null).use { card ->
            assertTrue(card.isMasked())
            assertEquals("411111xxxxxx1111", card.exposeCardNumber())
            assertEquals("cc-1", card.requestReference())
            assertTrue(JSONObject(card.toJson()).has("cardNumber"))
            val month = card.expiryMonth()
            if (month != null) assertTrue(month.toInt() in 1..12 && card.expiryYear() != null)
        }
        assertEquals("image/png", client.creditCardFront("cc-1", MaskHint.MASKED, 0uL).contentType)
        val e = assertThrows<RetrievalException.Fatal> { client.creditCard("cc-1", MaskHint.UNMASKED, null) }
        assertEquals("forbidden_unmasked", e.code)
        assertEquals(403.toUShort(), e.httpStatus)
        Sandbox("--allow-unmasked").use { sb ->
            sb.add(JSONObject().put("reference", "cc").put("kind", "credit_card"))
            sb.client().use { c ->
                c.creditCard("cc", MaskHint.UNMASKED, null).use { card ->
                    assertFalse(card.isMasked())
                    assertEquals("4111111111111111", card.exposeCardNumber())
                    assertFalse(card.toString().contains("4111111111111111"), card.toString())
                    card.redacted().use { r -> assertFalse(r.toJson().contains("4111111111111111"), r.toJson()) }
                }
            }
        }
    }

    @Test
    fun `errors are classified`() {
        sandbox.client(secret = "wrong").use { c ->
            val e = assertThrows<RetrievalException.Fatal> { c.scanStatus("id-1") }
            assertEquals("unauthorized", e.code)
            assertEquals(401.toUShort(), e.httpStatus)
            assertFalse(e.reason.contains("wrong"))
        }
        val nf = assertThrows<RetrievalException> { client.scanDetails("nope") }
        assertTrue(nf.toString().isNotEmpty())
        sandbox.add(JSONObject().put("reference", "flaky").put("kind", "id_verification").put("failNext", listOf(503)))
        val r = assertThrows<RetrievalException.Retryable> { client.scanStatus("flaky") }
        assertEquals("server_error", r.code)
        assertEquals(503.toUShort(), r.httpStatus)
        assertTrue(r.retryAfterMs > 0uL)
        assertEquals("DONE", client.scanStatus("flaky").status)
        val bad = assertThrows<RetrievalException.Fatal> { client.scanStatus("not a reference!") }
        assertEquals("invalid_request", bad.code)
        assertThrows<RetrievalException.Fatal> { client.download("http://elsewhere.invalid/x") }
    }

    @Test
    fun `delete answers 200 then 404`() {
        sandbox.add(JSONObject().put("reference", "del-id").put("kind", "id_verification"))
        sandbox.add(JSONObject().put("reference", "del-auth").put("kind", "authentication"))
        sandbox.add(JSONObject().put("reference", "del-dv").put("kind", "document"))
        assertEquals(200.toUShort(), client.deleteScan("del-id"))
        assertEquals(200.toUShort(), client.deleteAuthentication("del-auth"))
        assertEquals(200.toUShort(), client.deleteDocument("del-dv"))
        val e = assertThrows<RetrievalException> { client.scanDetails("del-id") }
        assertTrue(snakeCode(e).isNotEmpty())
    }

    @Test
    fun `wait for scan polls until done`() {
        sandbox.add(JSONObject().put("reference", "slow").put("kind", "id_verification").put("readyAfterMs", 300))
        assertEquals("PENDING", client.scanStatus("slow").status)
        assertFalse(client.scanStatus("slow").isFinal)
        val schedule = PollSchedule(offsetsMs = listOf(0uL, 200uL, 400uL, 800uL, 1600uL), dailyIntervalMs = 86_400_000uL)
        val status = client.waitForScan("slow", 0uL, schedule, 0u)
        assertEquals("DONE", status.status)
        sandbox.add(JSONObject().put("reference", "never").put("kind", "id_verification").put("readyAfterMs", 600_000))
        val e = assertThrows<RetrievalException.Retryable> {
            client.waitForScan("never", 0uL, PollSchedule(listOf(0uL, 50uL), 86_400_000uL), 0u)
        }
        assertEquals("still_pending", e.code)
    }

    @Test
    fun `the polling schedule is data`() {
        val s = recommendedPollSchedule()
        assertEquals(listOf(40, 60, 100, 160, 240, 340, 460, 600, 760, 940).map { it.toULong() * 1000uL }, s.offsetsMs)
        assertEquals(86_400_000uL, s.dailyIntervalMs)
        Poller(1_000uL, s, 1u).use { p ->
            assertEquals(PollAction.Wait(40_000uL), p.action(1_000uL))
            assertEquals(41_000uL, p.nextAtMs())
            assertEquals(PollAction.Poll, p.action(41_000uL))
            assertEquals(PollAction.Wait(20_000uL), p.observe("PENDING", 41_000uL))
            assertEquals(1u, p.attempts())
            assertEquals(PollAction.Final("DONE"), p.observe("DONE", 61_000uL))
            assertNull(p.nextAtMs())
        }
        Poller(0uL, PollSchedule(listOf(10uL), 86_400_000uL), 0u).use { p ->
            assertEquals(PollAction.GaveUp(1u), p.observe("PENDING", 10uL))
        }
    }
}

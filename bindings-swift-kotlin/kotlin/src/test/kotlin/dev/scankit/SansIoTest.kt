package dev.scankit

import org.json.JSONObject
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest as JHttpRequest
import java.net.http.HttpResponse

/** Requests built and answers classified without I/O, sent by the JDK's own HTTP client to the sandbox. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SansIoTest {
    private lateinit var sandbox: Sandbox
    private lateinit var requests: RetrievalRequests
    private val http = HttpClient.newHttpClient()

    @BeforeAll
    fun start() {
        sandbox = Sandbox()
        sandbox.add(JSONObject().put("reference", "id-1").put("kind", "id_verification"))
        sandbox.add(JSONObject().put("reference", "cc-1").put("kind", "credit_card"))
        requests = ApiSecret("sandbox-secret").use { s ->
            Credentials("sandbox-token", s).use { c ->
                RetrievalRequests(c, "Scankit KotlinTests/1.0.0", Endpoints.Single(sandbox.baseUrl))
            }
        }
    }

    @AfterAll
    fun stop() {
        requests.close()
        sandbox.close()
    }

    private fun send(endpoint: RetrievalEndpoint, reference: String): ByteArray {
        val req = requests.build(endpoint, reference)
        assertFalse(req.toString().contains(req.headers().getValue("Authorization")), req.toString())
        val builder = JHttpRequest.newBuilder(URI.create(req.url())).method(req.method(), JHttpRequest.BodyPublishers.noBody())
        for ((k, v) in req.headers()) builder.header(k, v)
        val response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
        return classifyRetrievalResponse(
            endpoint,
            response.statusCode().toUShort(),
            response.headers().firstValue("Content-Type").orElse(null),
            response.headers().firstValue("Retry-After").orElse(null),
            response.body(),
            null,
        )
    }

    @Test
    fun `build, send, classify`() {
        val status = JSONObject(String(send(RetrievalEndpoint.ScanStatus, "id-1")))
        assertEquals("DONE", status.getString("status"))
        val image = send(RetrievalEndpoint.ScanImage("front"), "id-1")
        assertEquals('P'.code.toByte(), image[1])
        val card = JSONObject(String(send(RetrievalEndpoint.CreditCard(MaskHint.MASKED), "cc-1")))
        assertEquals("411111xxxxxx1111", card.getString("cardNumber"))
        val e = assertThrows<RetrievalException.Fatal> { send(RetrievalEndpoint.CreditCard(MaskHint.UNMASKED), "cc-1") }
        assertEquals("forbidden_unmasked", e.code)
        assertEquals("GET", requests.build(RetrievalEndpoint.DvPage(1u, MaskHint.MASKED), "x").method())
        assertEquals("DELETE", requests.build(RetrievalEndpoint.DeleteScan, "x").method())
        assertEquals(200, String(send(RetrievalEndpoint.DeleteScan, "id-1")).let { 200 })
        assertThrows<RetrievalException.Fatal> { send(RetrievalEndpoint.ScanDetails, "id-1") }
        assertThrows<RequestException.Invalid> { requests.build(RetrievalEndpoint.ScanStatus, "not valid!") }
    }

    @Test
    fun `every endpoint builds a URL`() {
        val all = listOf(
            RetrievalEndpoint.ScanStatus, RetrievalEndpoint.ScanDetails, RetrievalEndpoint.ScanDocument,
            RetrievalEndpoint.ScanTransaction, RetrievalEndpoint.ScanVerification, RetrievalEndpoint.ScanImages,
            RetrievalEndpoint.ScanImage("back"), RetrievalEndpoint.ScanLivenessImage(1u), RetrievalEndpoint.Authentication,
            RetrievalEndpoint.AuthenticationImage("face"), RetrievalEndpoint.AuthenticationLivenessImage(2u),
            RetrievalEndpoint.DvStatus, RetrievalEndpoint.DvDetails, RetrievalEndpoint.DvDocument,
            RetrievalEndpoint.DvTransaction, RetrievalEndpoint.DvPages, RetrievalEndpoint.DvPage(1u, MaskHint.UNMASKED),
            RetrievalEndpoint.CreditCard(MaskHint.MASKED), RetrievalEndpoint.CreditCardFront(MaskHint.UNMASKED),
            RetrievalEndpoint.DeleteScan, RetrievalEndpoint.DeleteAuthentication, RetrievalEndpoint.DeleteDocument,
        )
        val built = all.map { requests.build(it, "ref-1") }
        val urls = built.map { it.url() }
        // DELETE shares the status URL: (method, URL) pairs are all different.
        assertEquals(all.size, built.map { it.method() to it.url() }.toSet().size)
        assertTrue(urls.all { it.startsWith(sandbox.baseUrl) && "ref-1" in it }, urls.toString())
        assertTrue(urls[16].contains("maskhint=unmasked"), urls[16])
    }

    @Test
    fun `classification without a network`() {
        val ep = RetrievalEndpoint.ScanStatus
        assertEquals("{}", String(classifyRetrievalResponse(ep, 200u, "application/json", null, "{}".toByteArray(), null)))
        val r = assertThrows<RetrievalException.Retryable> { classifyRetrievalResponse(ep, 429u, null, "7", ByteArray(0), null) }
        assertEquals("rate_limited", r.code)
        assertEquals(7000uL, r.retryAfterMs)
        val nr = assertThrows<RetrievalException.Retryable> {
            classifyRetrievalResponse(RetrievalEndpoint.CreditCard(MaskHint.MASKED), 404u, null, null, ByteArray(0), 1000uL)
        }
        assertEquals("not_ready", nr.code)
        assertEquals("unauthorized", assertThrows<RetrievalException.Fatal> { classifyRetrievalResponse(ep, 401u, null, null, ByteArray(0), null) }.code)
    }
}

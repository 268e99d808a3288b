// scankit from Kotlin: parse a callback, decide, log it redacted; validate
// and mask a card. Run with `make demo-kotlin`.
import dev.scankit.CallbackException
import dev.scankit.MaskStyle
import dev.scankit.Outcome
import dev.scankit.Pan
import dev.scankit.parseCallback
import dev.scankit.validateCardNumber
import dev.scankit.validateExpiry
import java.io.File
import java.time.LocalDate

fun main(args: Array<String>) {
    val body = File(args.getOrElse(0) { "spec-approved.form" }).readBytes()

    // A callback handler answers 200 at once, then does this.
    try {
        parseCallback(body).use { cb ->
            val decision = cb.decision()
            println("scan ${cb.scanReference()}: ${cb.verificationStatus()}")
            println("decision: ${decision.outcomeName} (${decision.reason})")
            when (decision.outcome) {
                Outcome.APPROVED -> println("-> onboard the user")
                Outcome.RETRY -> println("-> ask for a new scan")
                else -> println("-> review by hand")
            }
            cb.redacted().use { println("redacted: ${it.toJson()}") }
            println("logged: $cb")
        }
    } catch (e: CallbackException) {
        println("refused: ${e.message}")
    }
    try {
        parseCallback("verificationStatus=APPROVED_VERIFIED".toByteArray()).close()
    } catch (e: CallbackException.MissingField) {
        println("refused a body: field ${e.field}: ${e.reason}")
    }

    // Card entry: as-you-type validation, then a Pan that never prints its digits.
    for (typed in listOf("4", "4111 1111", "4111 1111 1111 1111", "4111 1111 1111 1112")) {
        val v = validateCardNumber(typed)
        println("card '$typed': brand=${v.brand} candidates=${v.candidates.size} potentiallyValid=${v.potentiallyValid} valid=${v.valid}")
    }
    val today = LocalDate.now()
    val expiry = validateExpiry("12/30", today.year.toUShort(), today.monthValue.toUByte())
    println("expiry 12/30: valid=${expiry.valid} month=${expiry.month} year=${expiry.year}")
    Pan("4111 1111 1111 1111").use { pan ->
        println("pan: $pan brand=${pan.brand()} last4=${pan.last4()} jumio=${pan.masked(MaskStyle.JUMIO)}")
    }
}

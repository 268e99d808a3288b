// scankit from Swift: parse a callback, decide, log it redacted; validate
// and mask a card. The Swift twin of examples/kotlin. Checked by parsing
// (tree-sitter) on Linux; build and run it on macOS after
// bindings-swift-kotlin/swift/build-xcframework.sh, in a package that
// depends on ScanKit.
import Foundation
import ScanKit

let path = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "spec-approved.form"
let body = FileManager.default.contents(atPath: path) ?? Data()

// A callback handler answers 200 at once, then does this.
do {
    let callback = try parseCallback(body: body)
    let decision = callback.decision()
    print("scan \(callback.scanReference()): \(callback.verificationStatus())")
    print("decision: \(decision.outcomeName) (\(decision.reason))")
    switch decision.outcome {
    case .approved:
        print("-> onboard the user")
    case .retry:
        print("-> ask for a new scan")
    default:
        print("-> review by hand")
    }
    print("redacted: \(callback.redacted().toJson())")
    print("logged: \(callback)")
} catch let error as CallbackError {
    print("refused: \(error)")
}

do {
    _ = try parseCallback(body: Data("verificationStatus=APPROVED_VERIFIED".utf8))
} catch CallbackError.MissingField(let field, let reason) {
    print("refused a body: field \(field ?? "-"): \(reason)")
} catch {
    print("refused: \(error)")
}

// Card entry: as-you-type validation, then a Pan that never prints its digits.
for typed in ["4", "4111 1111", "4111 1111 1111 1111", "4111 1111 1111 1112"] {
    let v = validateCardNumber(input: typed)
    print("card '\(typed)': brand=\(v.brand ?? "-") candidates=\(v.candidates.count) potentiallyValid=\(v.potentiallyValid) valid=\(v.valid)")
}
let expiry = validateExpiry(input: "12/30", todayYear: 2026, todayMonth: 11)
print("expiry 12/30: valid=\(expiry.valid)")
do {
    let pan = try Pan(input: "4111 1111 1111 1111")
    print("pan: \(pan) brand=\(pan.brand()) last4=\(pan.last4()) jumio=\(pan.masked(style: .jumio))")
} catch let error as CardError {
    print("not a card number: \(error)")
}

// Retrieval blocks: run it off the main thread.
let schedule = recommendedPollSchedule()
print("poll at \(schedule.offsetsMs.map { $0 / 1000 }) s, then every \(schedule.dailyIntervalMs / 3_600_000) h")
DispatchQueue.global().async {
    do {
        let secret = try ApiSecret(secret: "sandbox-secret")
        let credentials = try Credentials(token: "sandbox-token", secret: secret)
        let client = try RetrievalClient(
            credentials: credentials,
            userAgent: "Example ScanKitDemo/1.0.0",
            endpoints: .single(baseUrl: "http://127.0.0.1:8080"),
            timeoutMs: 10_000
        )
        let status = try client.scanStatus(reference: "my-scan-1")
        print("status: \(status.status ?? "-") final=\(status.isFinal)")
    } catch let error as RetrievalError {
        print("retrieval failed: \(error)")
    } catch {
        print("failed: \(error)")
    }
}

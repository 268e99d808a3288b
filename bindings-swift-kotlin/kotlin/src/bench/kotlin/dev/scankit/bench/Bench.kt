// A timed-loop microbenchmark of scankit through JNA (not a test): callback
// parsing and card validation per call, including the JNA crossing. Run by
// `make bench-kotlin`, which writes bench/out/kotlin.md.
package dev.scankit.bench

import dev.scankit.luhnValid
import dev.scankit.parseCallback
import dev.scankit.scankitVersion
import dev.scankit.validateCardNumber
import java.io.File

private class Result(val name: String, val calls: Long, val nanosPerCall: Double)

private inline fun measure(name: String, minNanos: Long = 2_000_000_000L, op: () -> Unit): Result {
    // Warm up the JIT and the native library.
    repeat(20_000) { op() }
    var best = Double.MAX_VALUE
    var total = 0L
    repeat(5) {
        var n = 0L
        val start = System.nanoTime()
        var now = start
        while (now - start < minNanos / 5) {
            repeat(1_000) { op() }
            n += 1_000
            now = System.nanoTime()
        }
        total += n
        best = minOf(best, (now - start).toDouble() / n)
    }
    return Result(name, total, best)
}

private fun loadAverage(): String =
    runCatching { File("/proc/loadavg").readText().split(" ").take(3).joinToString(" ") }.getOrDefault("n/a")

fun main(args: Array<String>) {
    val out = File(args.getOrElse(0) { "bench/out/kotlin.md" })
    val fixtures = File(System.getProperty("scankit.fixtures") ?: "core/tests/fixtures")
    val approved = File(fixtures, "callbacks/netverify/spec-approved.form").readBytes()
    val full = File(fixtures, "callbacks/netverify/approved-full-driving-licence.form").readBytes()
    var sink = 0L
    val results = listOf(
        measure("scankitVersion() (the FFI floor: no argument, a string back)") {
            sink += scankitVersion().length
        },
        measure("luhnValid(\"4111111111111111\") (a string in, a bool back)") {
            if (luhnValid("4111111111111111")) sink++
        },
        measure("parseCallback (spec-approved, ${approved.size} B) + close") {
            parseCallback(approved).use { sink += it.scanReference().length }
        },
        measure("parseCallback + decision() (spec-approved)") {
            parseCallback(approved).use { sink += it.decision().reason.length }
        },
        measure("parseCallback + toJson() (full driving licence, ${full.size} B)") {
            parseCallback(full).use { sink += it.toJson().length }
        },
        measure("validateCardNumber(\"4111 1111 1111 1111\")") {
            if (validateCardNumber("4111 1111 1111 1111").valid) sink++
        },
        measure("validateCardNumber(\"4\") (partial)") {
            if (validateCardNumber("4").potentiallyValid) sink++
        },
    )
    val lines = mutableListOf(
        "# Kotlin (JVM, through JNA)",
        "",
        "Timed loop (`make bench-kotlin`): 20,000 warm-up calls, then 5 rounds of about 0.4 s;",
        "the best round's time per call, including the JNA crossings (arguments and results",
        "go through uniffi's RustBuffer). JVM ${System.getProperty("java.version")}, " +
            "${Runtime.getRuntime().availableProcessors()} CPUs, load average at the end: ${loadAverage()}.",
        "",
        "| operation | calls | per call |",
        "| --- | ---: | ---: |",
    )
    for (r in results) {
        lines += "| ${r.name} | ${r.calls} | %.2f µs |".format(r.nanosPerCall / 1000.0)
    }
    lines += ""
    lines += "(checksum $sink)"
    out.parentFile?.mkdirs()
    out.writeText(lines.joinToString("\n") + "\n")
    println("wrote $out")
}

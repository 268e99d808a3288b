package dev.scankit

import java.io.File

/** Where the shared fixtures are: `core/tests/fixtures` (set by the pom). */
object Fixtures {
    val root: File = File(
        System.getProperty("scankit.fixtures")
            ?: error("system property scankit.fixtures is not set (run through Maven)")
    )

    fun file(rel: String): File = File(root, rel).also {
        check(it.exists()) { "missing fixture $rel" }
    }

    fun text(rel: String): String = file(rel).readText()

    fun bytes(rel: String): ByteArray = file(rel).readBytes()
}

/** `MissingField` -> `missing_field`: the core's code of an exception class. */
fun snakeCode(e: Throwable): String =
    e::class.simpleName!!.replace(Regex("([a-z0-9])([A-Z])"), "$1_$2").lowercase()

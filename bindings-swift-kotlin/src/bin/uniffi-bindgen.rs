//! `uniffi-bindgen`, pinned to the uniffi version of `scankit-ffi`.
fn main() {
    uniffi::uniffi_bindgen_main()
}

//! Entry point: everything lives in the library so browser tests can mount components.

// Talc instead of Rust's default dlmalloc: the same job in fewer bytes of wasm (issue 15).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    trinvis::start();
}

//! Entry point: everything lives in the library so browser tests can mount components.
fn main() {
    trinvis::start();
}

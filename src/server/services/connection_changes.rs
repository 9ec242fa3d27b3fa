//! Changing a connection: rename, swap its token, test it, change its privacy, delete it.
//! Every change is checked against who may make it and recorded in the connection's History.
//! One file per change; the page's own read is `detail`.

mod delete;
mod detail;
mod privacy;
mod rename;
mod swap;
mod test_now;

pub use delete::delete;
pub use detail::detail;
pub use privacy::change_privacy;
pub use rename::rename;
pub use swap::swap_token;
pub use test_now::test;

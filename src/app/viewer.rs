//! Who is signed in, loaded once per page load and shared through context.

use leptos::prelude::*;

use crate::app::page_data::{page_data, PageData};
use crate::wire::session::Viewer;
use crate::{api::session::get_viewer, error::AppError};

/// The signed-in person, or `None` before sign-in.
#[derive(Clone, Copy)]
pub struct ViewerResource(pub PageData<Result<Option<Viewer>, AppError>>);

pub fn provide_viewer() {
    provide_context(ViewerResource(page_data(|| (), |_| get_viewer())));
}

pub fn use_viewer() -> PageData<Result<Option<Viewer>, AppError>> {
    expect_context::<ViewerResource>().0
}

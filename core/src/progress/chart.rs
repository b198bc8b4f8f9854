//! Chart geometry (domain.md §6).

//! The weekly review (domain.md §6).

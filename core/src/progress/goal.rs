//! SMART goals (domain.md §7).

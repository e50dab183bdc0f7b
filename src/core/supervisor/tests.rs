//! Opening, validating and aggregating summary files, natively.

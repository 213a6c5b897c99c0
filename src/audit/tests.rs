//! Rules on sandbox data

//! Many voices and many dates: responses from several people merged into
//! one model ([`merge`]), how far they agree cell by cell ([`agreement`]),
//! dated snapshots of a model's scores ([`snapshot`]) and the readiness
//! they show over time ([`progress_svg`]); the classroom's class picture,
//! students' answers merged the same way ([`class_picture`]).
//!
//! A response is a plain v1 model of the same framework: its `name` names
//! the respondent (or its `respondent.code`, an anonymous code, when it has
//! one), and its `respondent` may give a role and a date. Merged responses
//! are kept in the model's `responses`; each cell any of them scores then
//! holds their mean, so merging again is a matter of recomputing from what
//! the model keeps, and merging the same responses twice changes nothing.

mod agreement;
mod classroom;
mod dates;
mod merge;
mod progress;
mod snapshot;
mod survey;

pub use agreement::{agreement, disagreements, spreads, CellAgreement, Disagreement};
pub use classroom::class_picture;
pub use dates::{compare_dates, model_on, NOW};
pub use merge::{merge, response_of, Merged, Refusal};
pub use progress::{progress_series, progress_svg, Series};
pub use snapshot::{date_of_day, snapshot, snapshot_scores};
pub use survey::{survey_html, SurveyScope};

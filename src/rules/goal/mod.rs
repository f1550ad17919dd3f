pub mod goal001_unmeasurable_goal;
pub mod goal002_undated_goal;
pub mod goal003_unclassified_goal;
pub mod goal004_sales_only_goals;
pub mod goal005_orphan_goal;

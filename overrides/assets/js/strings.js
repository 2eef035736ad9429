// Interface strings for the browser scripts. Generated from data/strings/*.yaml (and an organisation's
// `strings:`) by the build; do not edit: change the YAML, then run `make strings`.
export default Object.freeze({
  "clear_answers": "Clear my answers",
  "flag_for_supervision": "Bring this to my next supervision",
  "hosted_by": "Hosted by",
  "local_link_data_protection": "your organisation's data protection and records policy",
  "local_link_employee_assistance": "your organisation's Employee Assistance Programme",
  "local_link_learning_and_development": "your organisation's learning and development team",
  "local_link_lone_working": "your organisation's lone working policy",
  "local_link_supervision_policy": "your organisation's supervision policy",
  "local_link_wellbeing_support": "the wellbeing support your organisation offers",
  "locale": "en-GB",
  "privacy_js": "Your answers save automatically and stay on this device. Nothing is sent anywhere.",
  "privacy_link": "How to keep or delete them",
  "privacy_no_js": "Your answers are kept only while this page is open. Print the page to keep a copy.",
  "reminder": "Do not include names or details that could identify anyone: people who use services, their families or colleagues.",
  "reminder_title": "Keep it anonymous.",
  "support_title": "If this brings up something difficult"
});

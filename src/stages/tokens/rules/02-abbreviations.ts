// Words that keep their final period because they are abbreviations, not sentence ends.
// Belongs here: titles, months, days, common news abbreviations and corporate/place forms, in lower case without
// the period. Single letters (initials: "J. R. Smith") are handled by rule, not listed.
export const ABBREVIATIONS: readonly string[] = [
  // titles and ranks
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'rep', 'sen',
  'gov', 'pres', 'rev', 'fr', 'hon', 'sr', 'jr', 'st', 'ste', 'mt', 'ft', 'messrs', 'mme', 'mlle', 'atty', 'supt', 'insp', 'brig', 'cpl', 'pvt',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // organisations and places
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd', 'no', 'nos', 'vol', 'vols',
  'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass', 'mich', 'minn', 'miss',
  'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  // other
  'vs', 'etc', 'approx', 'est', 'fig', 'al', 'cf', 'ca', 'pp', 'p', 'op', 'ed', 'eds',
]

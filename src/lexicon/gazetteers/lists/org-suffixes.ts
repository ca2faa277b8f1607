// Words that end or head organisation names ("Wagner Group", "University of St. Gallen", "Acme Inc").
// Belongs here: capitalised head nouns and legal forms of organisations, without a final period.
export const ORG_WORDS: readonly string[] = [
  'Inc', 'Corp', 'Corporation', 'Co', 'Ltd', 'Limited', 'Plc', 'PLC', 'LLC', 'AG', 'GmbH', 'SA', 'NV', 'BV', 'SpA', 'AB', 'ASA', 'Oyj',
  'Group', 'Holding', 'Holdings', 'Company', 'Companies', 'Industries', 'International', 'Bank', 'Bancorp', 'Trust', 'Fund',
  'Partners', 'Associates', 'Airlines', 'Airways', 'Motors', 'Systems', 'Technologies', 'Pharmaceuticals', 'Energy', 'Petroleum',
  'Council', 'Committee', 'Commission', 'Ministry', 'Department', 'Agency', 'Authority', 'Office', 'Bureau', 'Service', 'Services',
  'Parliament', 'Congress', 'Senate', 'Assembly', 'Court', 'Cabinet', 'Government', 'Administration', 'Army', 'Navy', 'Force',
  'Forces', 'Police', 'Guard', 'Party', 'Union', 'Federation', 'Association', 'Alliance', 'League', 'Organisation', 'Organization',
  'Institute', 'Institution', 'University', 'College', 'School', 'Academy', 'Center', 'Centre', 'Foundation', 'Society',
  'Club', 'United', 'City', 'Rovers', 'Wanderers', 'Athletic', 'FC', 'News', 'Times', 'Post', 'Journal', 'Herald', 'Gazette',
  'Press', 'Agency', 'Network', 'Broadcasting', 'Television', 'Radio', 'Channel', 'Exchange', 'Movement', 'Front', 'Brigade',
  'Brigades', 'Network', 'Studies', 'Research', 'Church', 'Mission', 'Board', 'Tribunal', 'Secretariat', 'Directorate',
]

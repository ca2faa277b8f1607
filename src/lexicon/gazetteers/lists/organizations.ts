// Well-known organisations in international news whose names give no clue by form (no "Inc", no "Council").
// Belongs here: names and acronyms as written in running text; people and places do not.
export const ORGANIZATIONS: readonly string[] = [
  'Kremlin', 'Pentagon', 'White House', 'Downing Street', 'Elysee', 'Bundestag', 'Duma', 'State Duma', 'Knesset', 'Politburo',
  'NATO', 'UN', 'U.N.', 'United Nations', 'EU', 'European Union', 'OSCE', 'IMF', 'World Bank', 'WHO', 'WTO', 'OPEC', 'UNESCO',
  'UNICEF', 'UNHCR', 'Interpol', 'Europol', 'Red Cross', 'Amnesty International', 'Human Rights Watch', 'Greenpeace', 'FIFA', 'UEFA',
  'IOC', 'CIA', 'FBI', 'NSA', 'KGB', 'FSB', 'GRU', 'SVR', 'MI5', 'MI6', 'Mossad', 'Hamas', 'Hezbollah', 'Taliban', 'al Qaeda',
  'Al-Qaeda', 'Reuters', 'AP', 'AFP', 'dpa', 'BBC', 'CNN', 'Fox News', 'Bloomberg', 'TASS', 'Interfax', 'RIA Novosti', 'Sputnik',
  'Gazprom', 'Rosneft', 'Lukoil', 'Google', 'Apple', 'Microsoft', 'Amazon', 'Facebook', 'Meta', 'Twitter', 'Telegram', 'YouTube',
  'Tesla', 'Boeing', 'Airbus', 'Siemens', 'Volkswagen', 'Nestle', 'UBS', 'Credit Suisse', 'Novartis', 'Roche',
  'Wagner Group', 'Blick', 'watson', 'NZZ', 'Neue Zürcher Zeitung', 'Tages-Anzeiger', '20 Minuten', 'SRF', 'ARD', 'ZDF', 'Die Zeit', 'Süddeutsche Zeitung', 'FAZ', 'Deutsche Welle', 'Euronews', 'Al Jazeera', 'Der Spiegel', 'Spiegel', 'Bild', 'Le Monde', 'New York Times', 'Washington Post',
  'Wall Street Journal', 'Financial Times', 'Guardian', 'Economist', 'Politico', 'Kyiv Independent', 'Meduza',
]

// Nationality and group adjectives (MISC in CoNLL: "German", "Belarusian") that world-countries lacks or spells
// differently. Belongs here: capitalised adjectives/nouns of nations, peoples, religions and regions.
export const DEMONYMS: readonly string[] = [
  'Belarusian', 'Belarussian', 'Byelorussian', 'Ukrainian', 'Russian', 'Soviet', 'European', 'Eastern European', 'Western', 'Asian',
  'African', 'Arab', 'Arabian', 'Latin American', 'Scandinavian', 'Baltic', 'Balkan', 'Caucasian', 'Slavic', 'Nordic', 'Kurdish',
  'Palestinian', 'Israeli', 'Chechen', 'Tatar', 'Basque', 'Catalan', 'Flemish', 'Walloon', 'Scottish', 'Scots', 'Welsh', 'English',
  'British', 'Irish', 'American', 'Yugoslav', 'Bosnian', 'Serb', 'Croat', 'Kosovar', 'Tamil', 'Sikh', 'Hindu', 'Muslim', 'Islamic',
  'Christian', 'Catholic', 'Protestant', 'Orthodox', 'Jewish', 'Buddhist', 'Shi\'ite', 'Shiite', 'Sunni', 'Communist', 'Marxist',
  'Taliban', 'Zionist', 'Hispanic', 'Pakistani', 'Afghan', 'Iraqi', 'Iranian', 'Syrian', 'Lebanese', 'Egyptian', 'Saudi', 'Emirati',
  'Dutch', 'Swiss', 'German', 'French', 'Italian', 'Spanish', 'Portuguese', 'Polish', 'Czech', 'Slovak', 'Hungarian', 'Romanian',
  'Bulgarian', 'Greek', 'Turkish', 'Chinese', 'Japanese', 'Korean', 'Indian', 'Australian', 'Canadian', 'Mexican', 'Brazilian',
  'Argentine', 'Argentinian', 'Chilean', 'Kazakh', 'Uzbek', 'Georgian', 'Armenian', 'Azerbaijani', 'Moldovan', 'Lithuanian',
  'Latvian', 'Estonian', 'Finnish', 'Swedish', 'Norwegian', 'Danish', 'Icelandic', 'Austrian', 'Belgian', 'Luxembourgish',
]

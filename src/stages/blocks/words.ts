// Word lists the block typer reads. Data, not code: add entries here, not regexes in the rules.

/** Labels that introduce a photo credit at the end of a caption ("Image: IMAGO / ITAR-TASS"). */
export const CREDIT_LABELS = ['Image', 'Images', 'Credit', 'Credits', 'Photo', 'Photos', 'Photograph', 'Picture', 'Pic', 'Foto', 'Fotos', 'Bild', 'Bilder', 'Crédit', 'Crédits', 'Illustration', 'Video']

/** Labels of a republication line naming the original outlet ("Source: Blick"). */
export const SOURCE_LABELS = ['Source', 'Sources', 'Quelle', 'Source originale', 'Fuente', 'Originally published', 'Originally published in', 'Originally published by', 'This article first appeared in', 'This article originally appeared in']

/** Openings of lines that are site furniture, not article text (matched case-insensitively at line start). */
export const BOILERPLATE_STARTS = [
  'read more', 'read also', 'also read', 'see also', 'related:', 'related articles', 'related stories', 'more from', 'recommended',
  'share this', 'share on', 'share:', 'follow us', 'follow me', 'like us on', 'subscribe', 'sign up', 'newsletter', 'click here',
  'advertisement', 'sponsored', 'cookie', 'we use cookies', 'this website uses cookies', 'accept cookies', 'all rights reserved', '©', 'copyright ©',
  'tags:', 'topics:', 'filed under', 'listen to this article', 'print this', 'comments', 'correction:', 'leave a comment', 'join the conversation',
  'weiterlesen', 'mehr zum thema', 'lire aussi', 'lire la suite', 'à lire aussi',
]

/** Whole lines that are section labels of an archive copy, not text ("ABSTRACT.", "FULL TEXT."). */
export const LABEL_LINES = ['abstract', 'full text', 'advertisement', 'ad', 'continue reading', 'story continues below', 'photo gallery', 'video']

/** Nouns a self-description ends up in ("I am Amelia James, a passionate journalist"). */
export const BIO_NOUNS = ['journalist', 'writer', 'editor', 'reporter', 'correspondent', 'author', 'blogger', 'columnist', 'contributor', 'freelancer', 'news enthusiast']

/** Words a sentence-long body paragraph often starts with but a subhead does not (it would continue the text). */
export const CONTINUATION_STARTS = ['he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'but', 'and', 'or', 'so', 'yet', 'then', 'there', 'his', 'her', 'their', 'its', 'our']

/** Speech verbs: a short line with one is a quoted sentence in the body, not a subhead. */
export const SPEECH_VERBS = ['said', 'says', 'told', 'tells', 'added', 'adds', 'asked', 'according', 'stated', 'wrote', 'explained', 'asking', 'asks']

/** Lower-case particles allowed inside a personal name on a byline line. */
export const NAME_PARTICLES = ['von', 'van', 'de', 'der', 'den', 'da', 'di', 'del', 'della', 'la', 'le', 'bin', 'al', 'el', 'dos', 'du']

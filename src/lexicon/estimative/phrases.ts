// Estimative phrases and the likelihood band each expresses, with where the mapping comes from.
// What belongs here: words and fixed phrases a writer uses to say how likely something is (or that it cannot
// be told). Bands are the ICD 203 scale plus 'uncertain'. Sources:
//   ICD 203   US Intelligence Community Directive 203 (2015), its seven terms and their synonyms;
//   Kent      Sherman Kent, "Words of Estimative Probability" (1964), his table;
//   PHIA      UK Professional Head of Intelligence Assessment probability yardstick (2019);
//   usage     common news usage, mapped to the nearest band of the three tables above.
// `kind` says how the proposition is found around the phrase:
//   adjective  "it is likely that P", "P is likely to", or used like an adverb ("P, most likely, ...")
//   adverb     hedges the clause it sits in ("P will most likely be seen", "probably not")
//   belief     a holder's verb with a that-clause ("does not believe that P")
//   pre        uncertainty before its proposition ("too early to assess P", "unclear whether P")
//   post       uncertainty after its proposition ("P remains uncertain")
//   modal      could/may/might: weak, kept only where the clause is a forecast (inside a quote)
//   noun       a chance or possibility with a that-clause ("there is a real possibility that P")
// "possible", "it is possible that", "thinks it possible that", "there is a chance that", "cannot be ruled out":
// a bare possibility, read like could/may/might as a roughly even chance (the seeds gold accepts even, uncertain
// or unlikely for "could"); "conceivable" admits less than "possible" (it can only be imagined): unlikely.
import type { Band } from '../../doc/layers.js'

export type CueKind = 'adjective' | 'adverb' | 'belief' | 'pre' | 'post' | 'modal' | 'noun'
export type CueSource = 'ICD 203' | 'Kent' | 'PHIA' | 'usage'

export interface EstimativePhrase {
  readonly phrase: string
  readonly band: Band
  readonly kind: CueKind
  readonly source: CueSource
  /** Band when a negation governs the phrase ("not likely"); default from NEGATED below. */
  readonly negated?: Band
}

/** Band of a hedge under negation ("not likely" → unlikely, "not certain" → uncertain, "not impossible" → even). */
export const NEGATED: Readonly<Record<Band, Band>> = {
  'almost certain': 'uncertain',
  'very likely': 'unlikely',
  likely: 'unlikely',
  'roughly even chance': 'unlikely',
  unlikely: 'roughly even chance',
  'very unlikely': 'roughly even chance',
  'almost no chance': 'roughly even chance',
  uncertain: 'likely',
}

/** Band of the opposite proposition (P(not X) = 1 - P(X)): used when the proposition itself is negated ("will not"). */
export const COMPLEMENT: Readonly<Record<Band, Band>> = {
  'almost certain': 'almost no chance',
  'very likely': 'very unlikely',
  likely: 'unlikely',
  'roughly even chance': 'roughly even chance',
  unlikely: 'likely',
  'very unlikely': 'very likely',
  'almost no chance': 'almost certain',
  uncertain: 'uncertain',
}

const p = (phrase: string, band: Band, kind: CueKind, source: CueSource, negated?: Band): EstimativePhrase =>
  negated ? { phrase, band, kind, source, negated } : { phrase, band, kind, source }

export const ESTIMATIVE_PHRASES: readonly EstimativePhrase[] = [
  // ICD 203: the seven terms and their paired synonyms
  p('almost no chance', 'almost no chance', 'adjective', 'ICD 203'),
  p('remote', 'almost no chance', 'adjective', 'ICD 203'),
  p('very unlikely', 'very unlikely', 'adjective', 'ICD 203'),
  p('highly improbable', 'very unlikely', 'adjective', 'ICD 203'),
  p('unlikely', 'unlikely', 'adjective', 'ICD 203'),
  p('improbable', 'unlikely', 'adjective', 'ICD 203'),
  p('improbably', 'unlikely', 'adverb', 'ICD 203'),
  p('roughly even chance', 'roughly even chance', 'adjective', 'ICD 203'),
  p('roughly even odds', 'roughly even chance', 'adjective', 'ICD 203'),
  p('likely', 'likely', 'adjective', 'ICD 203'),
  p('probable', 'likely', 'adjective', 'ICD 203'),
  p('probably', 'likely', 'adverb', 'ICD 203'),
  p('very likely', 'very likely', 'adjective', 'ICD 203'),
  p('highly probable', 'very likely', 'adjective', 'ICD 203'),
  p('almost certain', 'almost certain', 'adjective', 'ICD 203'),
  p('almost certainly', 'almost certain', 'adverb', 'ICD 203'),
  p('nearly certain', 'almost certain', 'adjective', 'ICD 203'),
  // Sherman Kent's table
  p('certain', 'almost certain', 'adjective', 'Kent', 'uncertain'),
  p('almost certainly not', 'very unlikely', 'adverb', 'Kent'),
  p('probably not', 'unlikely', 'adverb', 'Kent'),
  p('very probably not', 'very unlikely', 'adverb', 'usage'),
  p('we believe not', 'unlikely', 'belief', 'Kent'),
  p('chances about even', 'roughly even chance', 'adjective', 'Kent'),
  p('chances are about even', 'roughly even chance', 'adjective', 'Kent'),
  p('chances are good', 'likely', 'adjective', 'Kent'),
  p('chances are slight', 'unlikely', 'adjective', 'Kent'),
  p('chances are', 'likely', 'adverb', 'Kent'),
  p('impossible', 'almost no chance', 'adjective', 'Kent', 'roughly even chance'),
  p('highly doubtful', 'very unlikely', 'adjective', 'Kent'),
  p('doubtful', 'unlikely', 'adjective', 'Kent'),
  p('we estimate', 'likely', 'belief', 'Kent'),
  // UK PHIA probability yardstick
  p('remote chance', 'almost no chance', 'noun', 'PHIA'),
  p('highly unlikely', 'very unlikely', 'adjective', 'PHIA'),
  p('realistic possibility', 'roughly even chance', 'noun', 'PHIA'),
  p('highly likely', 'very likely', 'adjective', 'PHIA'),
  // Common usage, mapped to the nearest band
  p('extremely unlikely', 'very unlikely', 'adjective', 'usage'),
  p('most unlikely', 'very unlikely', 'adjective', 'usage'),
  p('increasingly unlikely', 'unlikely', 'adjective', 'usage'),
  p('rather unlikely', 'unlikely', 'adjective', 'usage'),
  p('quite unlikely', 'unlikely', 'adjective', 'usage'),
  p('more likely', 'likely', 'adjective', 'usage'),
  p('most likely', 'likely', 'adverb', 'usage'),
  p('quite likely', 'likely', 'adjective', 'usage'),
  p('increasingly likely', 'likely', 'adjective', 'usage'),
  p('in all likelihood', 'likely', 'adverb', 'usage'),
  p('in all probability', 'likely', 'adverb', 'usage'),
  p('presumably', 'likely', 'adverb', 'usage'),
  p('extremely likely', 'very likely', 'adjective', 'usage'),
  p('very probably', 'very likely', 'adverb', 'usage'),
  p('almost inevitable', 'almost certain', 'adjective', 'usage'),
  p('inevitable', 'almost certain', 'adjective', 'usage', 'uncertain'),
  p('virtually certain', 'almost certain', 'adjective', 'usage'),
  p('certainly', 'almost certain', 'adverb', 'usage', 'uncertain'),
  p('undoubtedly', 'almost certain', 'adverb', 'usage'),
  p('without doubt', 'almost certain', 'adverb', 'usage'),
  p('no doubt', 'almost certain', 'adverb', 'usage'),
  p('definitely', 'almost certain', 'adverb', 'usage', 'uncertain'),
  p('bound to', 'almost certain', 'adverb', 'usage'),
  p('virtually impossible', 'almost no chance', 'adjective', 'usage'),
  p('almost impossible', 'almost no chance', 'adjective', 'usage'),
  p('no chance', 'almost no chance', 'noun', 'usage'),
  p('little chance', 'very unlikely', 'noun', 'usage'),
  p('slim chance', 'very unlikely', 'noun', 'usage'),
  p('small chance', 'unlikely', 'noun', 'usage'),
  p('good chance', 'likely', 'noun', 'usage'),
  p('strong chance', 'very likely', 'noun', 'usage'),
  p('even chance', 'roughly even chance', 'noun', 'usage'),
  p('fifty-fifty', 'roughly even chance', 'adjective', 'usage'),
  p('50-50', 'roughly even chance', 'adjective', 'usage'),
  p('toss-up', 'roughly even chance', 'adjective', 'usage'),
  p('possible', 'roughly even chance', 'adjective', 'usage', 'almost no chance'),
  p('possibly', 'roughly even chance', 'adverb', 'usage'),
  p('perhaps', 'roughly even chance', 'adverb', 'usage'),
  p('maybe', 'roughly even chance', 'adverb', 'usage'),
  p('conceivable', 'unlikely', 'adjective', 'usage', 'almost no chance'),
  p('conceivably', 'unlikely', 'adverb', 'usage'),
  p('real possibility', 'roughly even chance', 'noun', 'PHIA'),
  p('distinct possibility', 'roughly even chance', 'noun', 'PHIA'),
  p('serious possibility', 'roughly even chance', 'noun', 'PHIA'),
  p('strong possibility', 'likely', 'noun', 'usage'),
  p('real chance', 'roughly even chance', 'noun', 'usage'),
  p('fair chance', 'roughly even chance', 'noun', 'usage'),
  p('decent chance', 'roughly even chance', 'noun', 'usage'),
  p('outside chance', 'very unlikely', 'noun', 'usage'),
  p('high probability', 'very likely', 'noun', 'usage'),
  p('low probability', 'unlikely', 'noun', 'usage'),
  p('high likelihood', 'very likely', 'noun', 'usage'),
  p('every chance', 'likely', 'noun', 'usage'),
  p('there is a chance', 'roughly even chance', 'noun', 'usage'),
  p("there's a chance", 'roughly even chance', 'noun', 'usage'),
  p('there was a chance', 'roughly even chance', 'noun', 'usage'),
  p('there is some chance', 'roughly even chance', 'noun', 'usage'),
  p('there is a possibility', 'roughly even chance', 'noun', 'usage'),
  p("there's a possibility", 'roughly even chance', 'noun', 'usage'),
  p('there is a risk', 'roughly even chance', 'noun', 'usage'),
  p("there's a risk", 'roughly even chance', 'noun', 'usage'),
  p('cannot be ruled out', 'roughly even chance', 'post', 'usage'),
  p('cannot be excluded', 'roughly even chance', 'post', 'usage'),
  p("can't be excluded", 'roughly even chance', 'post', 'usage'),
  p('could not be ruled out', 'roughly even chance', 'post', 'usage'),
  p("couldn't be ruled out", 'roughly even chance', 'post', 'usage'),
  // "ruled out that P" denies it; "does not rule out that P" leaves it possible
  p('rule out', 'almost no chance', 'belief', 'usage', 'roughly even chance'),
  p('rules out', 'almost no chance', 'belief', 'usage', 'roughly even chance'),
  p('ruled out', 'almost no chance', 'belief', 'usage', 'roughly even chance'),
  p('been ruled out', 'almost no chance', 'post', 'usage', 'roughly even chance'),
  p("can't be ruled out", 'roughly even chance', 'post', 'usage'),
  p('could', 'roughly even chance', 'modal', 'usage'),
  p('might', 'roughly even chance', 'modal', 'usage'),
  p('may', 'roughly even chance', 'modal', 'usage'),
  // beliefs: a holder's judgement that P ("we believe" is Kent's "probable")
  p('believe', 'likely', 'belief', 'Kent'),
  p('believes', 'likely', 'belief', 'Kent'),
  p('believed', 'likely', 'belief', 'Kent'),
  p('think', 'likely', 'belief', 'usage'),
  p('thinks', 'likely', 'belief', 'usage'),
  p('assume', 'likely', 'belief', 'usage'),
  p('assumes', 'likely', 'belief', 'usage'),
  p('expect', 'likely', 'belief', 'usage'),
  p('expects', 'likely', 'belief', 'usage'),
  p('expected', 'likely', 'belief', 'usage'),
  p('suspect', 'likely', 'belief', 'usage'),
  p('suspects', 'likely', 'belief', 'usage'),
  p('predict', 'likely', 'belief', 'usage'),
  p('predicts', 'likely', 'belief', 'usage'),
  p('convinced', 'very likely', 'belief', 'usage', 'unlikely'),
  p('confident', 'very likely', 'belief', 'usage', 'uncertain'),
  p('sure', 'very likely', 'belief', 'usage', 'uncertain'),
  p('doubt', 'unlikely', 'belief', 'usage', 'very likely'),
  p('doubts', 'unlikely', 'belief', 'usage', 'very likely'),
  // uncertainty: no direction
  p('remains uncertain', 'uncertain', 'post', 'usage'),
  p('remains unclear', 'uncertain', 'post', 'usage'),
  p('remains to be seen', 'uncertain', 'post', 'usage'),
  p('remains an open question', 'uncertain', 'post', 'usage'),
  p('is an open question', 'uncertain', 'post', 'usage'),
  p('is uncertain', 'uncertain', 'post', 'usage'),
  p('is unclear', 'uncertain', 'post', 'usage'),
  p('can hardly be estimated', 'uncertain', 'post', 'usage'),
  p('can hardly be predicted', 'uncertain', 'post', 'usage'),
  p('is anyone’s guess', 'uncertain', 'post', 'usage'),
  p("is anyone's guess", 'uncertain', 'post', 'usage'),
  p('unclear whether', 'uncertain', 'pre', 'usage'),
  p('uncertain whether', 'uncertain', 'pre', 'usage'),
  p('unclear if', 'uncertain', 'pre', 'usage'),
  p('not clear whether', 'uncertain', 'pre', 'usage'),
  p('not clear if', 'uncertain', 'pre', 'usage'),
  p('too early to assess', 'uncertain', 'pre', 'usage'),
  p('too early to say', 'uncertain', 'pre', 'usage'),
  p('too early to tell', 'uncertain', 'pre', 'usage'),
  p('too early to judge', 'uncertain', 'pre', 'usage'),
  p('too early to predict', 'uncertain', 'pre', 'usage'),
  p('too soon to say', 'uncertain', 'pre', 'usage'),
  p('too early to call', 'uncertain', 'pre', 'usage'),
  p('too close to call', 'uncertain', 'post', 'usage'),
  p('too soon to tell', 'uncertain', 'pre', 'usage'),
  p('hard to say', 'uncertain', 'pre', 'usage'),
  p('hard to predict', 'uncertain', 'pre', 'usage'),
  p('difficult to say', 'uncertain', 'pre', 'usage'),
  p('difficult to predict', 'uncertain', 'pre', 'usage'),
  p('difficult to assess', 'uncertain', 'pre', 'usage'),
  p('impossible to say', 'uncertain', 'pre', 'usage'),
  p('impossible to predict', 'uncertain', 'pre', 'usage'),
  p('no one knows', 'uncertain', 'pre', 'usage'),
  p('nobody knows', 'uncertain', 'pre', 'usage'),
  p('uncertain', 'uncertain', 'adjective', 'usage'),
]

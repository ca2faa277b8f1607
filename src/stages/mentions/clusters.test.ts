import { test } from 'node:test'
import assert from 'node:assert/strict'
import { brownClusters } from './brown.js'
import { clusterKey, clusterPath, parseClusters } from './clusters.js'

/** A toy corpus where nouns, verbs and places fill fixed slots: Brown clustering must group each class. */
function toyCorpus(): string[][] {
  const nouns = ['cat', 'dog', 'cow', 'pig']
  const verbs = ['runs', 'eats', 'sleeps']
  const places = ['Paris', 'Rome', 'Bonn']
  const s: string[][] = []
  for (let i = 0; i < 300; i++) {
    s.push(['the', nouns[i % 4]!, verbs[i % 3]!, 'in', places[i % 3]!, '.'])
    s.push(['a', nouns[(i + 1) % 4]!, verbs[(i + 2) % 3]!, 'near', places[(i + 1) % 3]!, '.'])
  }
  return s
}

test('Brown clustering groups words that share contexts, deterministically', () => {
  const paths = brownClusters(toyCorpus(), { clusters: 4, minCount: 1 })
  const groups: [string, string[]][] = [
    ['nouns', ['cat', 'dog', 'cow', 'pig']],
    ['verbs', ['runs', 'eats', 'sleeps']],
    ['places', ['Paris', 'Rome', 'Bonn']],
  ]
  for (const [name, ws] of groups) {
    assert.equal(new Set(ws.map((w) => paths.get(w))).size, 1, `${name} share one cluster`)
  }
  assert.notEqual(paths.get('cat'), paths.get('Paris'))
  assert.notEqual(paths.get('runs'), paths.get('Paris'))
  assert.deepEqual([...brownClusters(toyCorpus(), { clusters: 4, minCount: 1 })], [...paths])
  assert.equal(brownClusters([['rare']], { clusters: 4, minCount: 2 }).size, 0)
})

test('cluster lookup normalizes quotes and digits and falls back to title and lower case', () => {
  const clusters = parseClusters('0101\tRussia\n0110\tthe\n1000\t0000\n1001\t\'s\n')
  const cases: [string, string | undefined][] = [
    ['Russia', '0101'],
    ['RUSSIA', '0101'],
    ['The', '0110'],
    ['1996', '1000'],
    ['\u2019s', '1001'],
    ['Belarus', undefined],
  ]
  for (const [w, want] of cases) assert.equal(clusterPath(clusters, w), want, w)
  assert.equal(clusterKey('\u201cA\u201d 12'), '"A" 00')
})

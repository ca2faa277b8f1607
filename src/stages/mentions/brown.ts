// Brown clustering (Brown et al. 1992) with the windowed algorithm of Liang (2005, "Semi-supervised learning for
// natural language", ch. 3): words are taken by decreasing frequency; C clusters are kept active; each new word
// joins as its own cluster and the pair whose merge loses the least average mutual information between adjacent
// clusters is merged, so every step costs O(C²). After the last word the C clusters are merged down to one,
// which gives a binary tree over the vocabulary; a word's bit path from the root is its cluster, and path
// prefixes are coarser clusters (the NER features use prefixes of length 4, 6, 10 and 20). Deterministic: ties go
// to the lower slot pair, word order is frequency then code-unit order.

export interface BrownOptions {
  /** Number of active clusters C (the size of the window). */
  readonly clusters: number
  /** Words seen fewer times than this are left out. */
  readonly minCount: number
  /** Progress callback (word index, vocabulary size). */
  readonly progress?: (i: number, n: number) => void
}

/** Word -> bit path ("0110..."), for every word kept. `sequences` are token sequences (bigrams never cross them). */
export function brownClusters(sequences: Iterable<readonly string[]>, opts: BrownOptions): Map<string, string> {
  // vocabulary by frequency
  const freq = new Map<string, number>()
  const seqs: (readonly string[])[] = []
  for (const s of sequences) {
    seqs.push(s)
    for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1)
  }
  const words = [...freq].filter(([, c]) => c >= opts.minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const V = words.length
  if (V === 0) return new Map()
  const id = new Map<string, number>()
  words.forEach(([w], i) => id.set(w, i))
  const count = Float64Array.from(words, ([, c]) => c)
  let total = 0
  for (const c of count) total += c

  // word-level bigram counts, as adjacency lists (right neighbours of u, left neighbours of v)
  const big = new Map<number, number>()
  for (const s of seqs) {
    let prev = -1
    for (const w of s) {
      const cur = id.get(w) ?? -1
      if (prev >= 0 && cur >= 0) {
        const k = prev * V + cur
        big.set(k, (big.get(k) ?? 0) + 1)
      }
      prev = cur
    }
  }
  const right: [number, number][][] = Array.from({ length: V }, () => [])
  const left: [number, number][][] = Array.from({ length: V }, () => [])
  for (const [k, c] of [...big].sort((a, b) => a[0] - b[0])) {
    const u = Math.floor(k / V)
    const v = k - u * V
    right[u]!.push([v, c])
    if (u !== v) left[v]!.push([u, c])
  }
  big.clear()

  const C = Math.min(opts.clusters, V)
  const K = C + 1
  const P = new Float64Array(K * K) // P[s*K+t]: bigram count, cluster in slot s followed by cluster in slot t
  const Q = new Float64Array(K * K) // Q[s*K+t]: that pair's share of the mutual information
  const L = new Float64Array(K * K) // L[s*K+t], s < t: mutual information lost by merging s and t
  const N = new Float64Array(K) // unigram count of the cluster in each slot
  const active = new Uint8Array(K)
  const slotNode = new Int32Array(K).fill(-1) // tree node held by each slot
  const repSlot = new Int32Array(V).fill(-1) // slot of a union-find representative word
  const parent = Int32Array.from({ length: V }, (_, i) => i)
  const rep = new Int32Array(K) // representative word of each slot
  const find = (w: number): number => {
    let r = w
    while (parent[r] !== r) r = parent[r]!
    while (parent[w] !== r) {
      const n = parent[w]!
      parent[w] = r
      w = n
    }
    return r
  }
  // tree over the final C clusters (built by the last C-1 merges): leaves 0..C-1 are the clusters, internal
  // nodes C.. have two children. Words inside one cluster share its path (as in Liang's wcluster).
  const kids: number[] = []
  let tree = false
  let leaves = 0

  const qf = (p: number, na: number, nb: number): number => (p > 0 ? (p / total) * Math.log((p * total) / (na * nb)) : 0)
  const slots = (): number[] => {
    const out: number[] = []
    for (let s = 0; s < K; s++) if (active[s]) out.push(s)
    return out
  }
  /** Share of L(c,d) that involves a third cluster x (what changes when x changes). */
  const term = (c: number, d: number, x: number, nx: number, pcx: number, pxc: number, pdx: number, pxd: number, qs: number): number => {
    const nm = N[c]! + N[d]!
    return qs - qf(pcx + pdx, nm, nx) - qf(pxc + pxd, nx, nm)
  }
  const fullLoss = (c: number, d: number, act: readonly number[]): number => {
    let sum = 0
    for (const x of act) {
      if (x === c || x === d) continue
      const qs = Q[c * K + x]! + Q[x * K + c]! + Q[d * K + x]! + Q[x * K + d]!
      sum += term(c, d, x, N[x]!, P[c * K + x]!, P[x * K + c]!, P[d * K + x]!, P[x * K + d]!, qs)
    }
    const nm = N[c]! + N[d]!
    const pm = P[c * K + c]! + P[c * K + d]! + P[d * K + c]! + P[d * K + d]!
    return sum + Q[c * K + c]! + Q[d * K + d]! + Q[c * K + d]! + Q[d * K + c]! - qf(pm, nm, nm)
  }
  const setQ = (s: number, act: readonly number[]): void => {
    for (const x of act) {
      Q[s * K + x] = qf(P[s * K + x]!, N[s]!, N[x]!)
      Q[x * K + s] = qf(P[x * K + s]!, N[x]!, N[s]!)
    }
  }
  const addWord = (w: number, s: number): void => {
    active[s] = 1
    rep[s] = w
    repSlot[w] = s
    N[s] = count[w]!
    for (let x = 0; x < K; x++) {
      P[s * K + x] = 0
      P[x * K + s] = 0
    }
    for (const [v, c] of right[w]!) {
      if (v > w) continue // not added yet (words are added in id order)
      const t = repSlot[find(v)]!
      P[s * K + t]! += c
    }
    for (const [u, c] of left[w]!) {
      if (u > w) continue
      const t = repSlot[find(u)]!
      P[t * K + s]! += c
    }
  }
  const merge = (a: number, b: number): void => {
    const act = slots()
    const others = act.filter((x) => x !== a && x !== b)
    // 1. remove a's and b's old shares from every other pair's loss
    for (let i = 0; i < others.length; i++) {
      const c = others[i]!
      for (let j = i + 1; j < others.length; j++) {
        const d = others[j]!
        const qa = Q[c * K + a]! + Q[a * K + c]! + Q[d * K + a]! + Q[a * K + d]!
        const qb = Q[c * K + b]! + Q[b * K + c]! + Q[d * K + b]! + Q[b * K + d]!
        L[c * K + d]! -=
          term(c, d, a, N[a]!, P[c * K + a]!, P[a * K + c]!, P[d * K + a]!, P[a * K + d]!, qa) +
          term(c, d, b, N[b]!, P[c * K + b]!, P[b * K + c]!, P[d * K + b]!, P[b * K + d]!, qb)
      }
    }
    // 2. merge b into a
    const paa = P[a * K + a]! + P[a * K + b]! + P[b * K + a]! + P[b * K + b]!
    for (const x of others) {
      P[a * K + x]! += P[b * K + x]!
      P[x * K + a]! += P[x * K + b]!
    }
    P[a * K + a] = paa
    N[a]! += N[b]!
    active[b] = 0
    const ra = find(rep[a]!)
    const rb = find(rep[b]!)
    parent[rb] = ra
    repSlot[ra] = a
    rep[a] = ra
    if (tree) {
      kids.push(slotNode[a]!, slotNode[b]!)
      slotNode[a] = leaves + kids.length / 2 - 1
      slotNode[b] = -1
    }
    const act2 = slots()
    setQ(a, act2)
    // 3. add the merged cluster's share back; 4. losses of pairs with the merged cluster
    for (let i = 0; i < others.length; i++) {
      const c = others[i]!
      for (let j = i + 1; j < others.length; j++) {
        const d = others[j]!
        const qs = Q[c * K + a]! + Q[a * K + c]! + Q[d * K + a]! + Q[a * K + d]!
        L[c * K + d]! += term(c, d, a, N[a]!, P[c * K + a]!, P[a * K + c]!, P[d * K + a]!, P[a * K + d]!, qs)
      }
    }
    for (const x of others) L[Math.min(a, x) * K + Math.max(a, x)] = fullLoss(a, x, act2)
  }
  const bestPair = (): [number, number] => {
    const act = slots()
    let best = Infinity
    let pair: [number, number] = [act[0]!, act[1]!]
    for (let i = 0; i < act.length; i++) {
      for (let j = i + 1; j < act.length; j++) {
        const v = L[act[i]! * K + act[j]!]!
        if (v < best) {
          best = v
          pair = [act[i]!, act[j]!]
        }
      }
    }
    return pair
  }

  // initial window: the C most frequent words
  for (let w = 0; w < C; w++) addWord(w, w)
  let act = slots()
  for (const s of act) setQ(s, act)
  for (let i = 0; i < act.length; i++) for (let j = i + 1; j < act.length; j++) L[act[i]! * K + act[j]!] = fullLoss(act[i]!, act[j]!, act)
  for (let w = C; w < V; w++) {
    let free = 0
    while (active[free]) free++
    addWord(w, free)
    act = slots()
    setQ(free, act)
    for (const x of act) if (x !== free) L[Math.min(free, x) * K + Math.max(free, x)] = fullLoss(free, x, act)
    const [a, b] = bestPair()
    merge(a, b)
    if (opts.progress && w % 500 === 0) opts.progress(w, V)
  }
  // the clusters of the words, then the hierarchy over them
  const final = slots()
  const leafOfSlot = new Int32Array(K).fill(-1)
  final.forEach((s, j) => {
    leafOfSlot[s] = j
    slotNode[s] = j
  })
  const leafOfWord = Int32Array.from({ length: V }, (_, w) => leafOfSlot[repSlot[find(w)]!]!)
  leaves = final.length
  tree = true
  while (slots().length > 1) {
    const [a, b] = bestPair()
    merge(a, b)
  }

  // bit paths: a node's first child is 0, its second 1
  const leafPath: string[] = new Array<string>(leaves).fill('0')
  const root = slotNode[slots()[0]!]!
  const stack: [number, string][] = [[root, '']]
  while (stack.length) {
    const [node, path] = stack.pop()!
    if (node < leaves) {
      leafPath[node] = path || '0'
      continue
    }
    const k = (node - leaves) * 2
    stack.push([kids[k + 1]!, path + '1'], [kids[k]!, path + '0'])
  }
  const paths = new Map<string, string>()
  words.forEach(([w], i) => paths.set(w, leafPath[leafOfWord[i]!]!))
  return paths
}

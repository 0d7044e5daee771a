/**
 * The last `limit` answers of a slow, pure piece of work (one whose answer depends on its input
 * alone), by a key holding the whole input: asked again for the same key, the answer kept is given,
 * even while it is still being worked out; a failure is not kept. The least lately used goes first.
 */
export function keptLately<T>(limit: number) {
  const kept = new Map<string, Promise<T>>()
  return (key: string, work: () => Promise<T>): Promise<T> => {
    const answer = kept.get(key) ?? work()
    // A Map keeps insertion order: set again at the end when used, the first is the least lately used.
    kept.delete(key)
    kept.set(key, answer)
    answer.catch(() => kept.get(key) === answer && kept.delete(key))
    if (kept.size > limit) kept.delete(kept.keys().next().value!)
    return answer
  }
}

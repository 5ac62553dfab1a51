/**
 * Mentions in posts and comments: "@" at the start or after a space, followed by a member's name as
 * shown ("@Pia Partnerin"). The longest name wins ("@Anna Maria" before "@Anna"). An "@" inside a word
 * (an e-mail address) is no mention. Anything else after such an "@" is an unknown name.
 */
export function findMentions(body: string, members: readonly { id: string; display_name: string }[]): { ids: string[]; unknown: string[] } {
  const byLength = [...members].filter((m) => m.display_name.trim()).sort((a, b) => b.display_name.length - a.display_name.length);
  const ids = new Set<string>();
  const unknown: string[] = [];
  for (const match of body.matchAll(/(^|\s)@(?=\S)/g)) {
    const at = match.index + match[1]!.length + 1;
    const rest = body.slice(at).toLocaleLowerCase('de');
    const member = byLength.find((m) => {
      const name = m.display_name.toLocaleLowerCase('de');
      return rest.startsWith(name) && !/[\p{L}\p{N}]/u.test(rest.charAt(name.length));
    });
    if (member) ids.add(member.id);
    else unknown.push(`@${/^\S+/.exec(body.slice(at))![0]}`);
  }
  return { ids: [...ids], unknown };
}

/** Lower case, accents stripped, ß → ss, typographic quotes flattened: what every vocabulary expects. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');
}

/** Attributes that @kitajs/html's JSX types lack (its namespace is global, so this adds to it). */
declare namespace JSX {
  interface HtmlVideoTag {
    /** What the browser loads before "play": "metadata" is the size and length, for the player's timeline. */
    preload?: undefined | 'none' | 'metadata' | 'auto';
  }
}

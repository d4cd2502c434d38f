/**
 * Global HTML attributes that @kitajs/html types only on some elements. `autofocus` is global in
 * HTML: the error summary (a focusable div) takes the focus with it, without a script.
 */
declare namespace JSX {
  interface HtmlTag {
    autofocus?: undefined | boolean;
  }
}

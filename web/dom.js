// Builds an element tree from the flat description `app::dom::build` writes: one string, so that a card
// of 150 elements crosses from WebAssembly to JavaScript once, not once per tag, attribute and text
// (with a thousand targets that was 1.3 million crossings and most of the first render).
//
// The description is a list of fields separated by U+0001 (which the Rust side removes from data):
// for each element its tag, the number of attributes, each name and value, its text, the number of
// children, then each child the same way. Text is added as a text node and values as attributes, never
// parsed as HTML. An input's, select's or textarea's `value` is set as its property, after its children
// (a select's options must be there first).
const SVG_NS = 'http://www.w3.org/2000/svg';

export function build(spec, svg) {
  const f = spec.split('\u0001');
  let i = 0;
  const element = (inSvg) => {
    const tag = f[i++];
    const isSvg = inSvg || tag === 'svg';
    const el = isSvg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
    const live = tag === 'input' || tag === 'select' || tag === 'textarea';
    let value = null;
    for (let n = +f[i++]; n > 0; n--) {
      const name = f[i++];
      const v = f[i++];
      if (live && name === 'value') value = v;
      else el.setAttribute(name, v);
    }
    const text = f[i++];
    if (text) el.append(text);
    for (let n = +f[i++]; n > 0; n--) el.append(element(isSvg));
    if (value !== null) el.value = value;
    return el;
  };
  return element(svg);
}

// Shared by the pages ReportPage inlines (clinic-report, capacity-search): an element with its attributes
// (className, on<event> listeners, the rest as attributes) and its children (nodes or text).
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'className') {
      element.className = value;
    } else if (name.startsWith('on')) {
      element.addEventListener(name.substring(2), value);
    } else {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

/**
 * A named announcement between parts of the console that do not hold each other (a drawer and the list behind it,
 * a page and the menu's counts): one announces, any number listen, and a listener is removed by the function it gets.
 */
export function signal(name: string): { announce: () => void; listen: (listener: () => void) => () => void } {
  return {
    announce: () => window.dispatchEvent(new Event(name)),
    listen: (listener) => {
      window.addEventListener(name, listener);
      return () => window.removeEventListener(name, listener);
    },
  };
}

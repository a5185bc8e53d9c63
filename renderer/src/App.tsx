/** Placeholder popover until the popover UI issue (#5): it says where the accounts can be seen today. */
export function App() {
  return (
    <main>
      <h1>Creditbar</h1>
      <p>
        The popover is on its way. Meanwhile <code>creditbar status</code> shows every account's balance.
      </p>
    </main>
  );
}

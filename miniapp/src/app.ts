import type { PropsWithChildren } from 'react';
import './components/nutui-styles';
import './app.css';
import './first-page';
import './landmarks';
import './router-guard';
import './csp-guard';

function App({ children }: PropsWithChildren) {
  // children is the page being shown
  return children;
}

export default App;

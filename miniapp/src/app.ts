import type { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/style.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  // children is the page being shown
  return children;
}

export default App;

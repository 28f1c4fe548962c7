// The shared styles come first, so a component's own rules follow them and win a tie.
import './app.css';
import './lib/ui/kit.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });

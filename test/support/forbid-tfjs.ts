// Loaded with `node --import` by the test that shows which processes load TensorFlow.js: any
// import of @tensorflow/* then fails, naming the module that asked. A process forked with an
// IPC channel (a trainer worker, which is meant to train) is left alone.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@tensorflow/')) {
    throw new Error('TensorFlow.js was loaded: ' + specifier + ' imported by ' + context.parentURL);
  }
  return next(specifier, context);
}`;

if (process.send === undefined) register(`data:text/javascript,${encodeURIComponent(hooks)}`);

import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataError, type DatasetSpec } from '@embsweep/core';
import { tempDir } from '../testing/small-data.js';
import { readPrepared } from './data-cache.js';
import { fileTexts } from './file-dataset.js';
import { loadTexts } from './load-texts.js';
import { parseCsv } from './parse-csv.js';
import { prepareData, shuffledIndexes } from './prepare-data.js';
import { syntheticTexts } from './synthetic.js';
import { buildVocabulary, encodeTexts, tokenize } from './vectorizer.js';

const synthetic = {
  source: 'synthetic',
  samples: 300,
  classes: 3,
  vocabulary: 100,
  length: 12,
  noise: 0.4,
  seed: 1,
  validation_split: 0.2,
  test_split: 0.1,
} as const;
const fileSpec = (path: string, format: 'csv' | 'jsonl' = 'csv') =>
  ({
    source: 'file',
    path,
    format,
    text_field: 'text',
    label_field: 'label',
    seed: 0,
    validation_split: 0.2,
    test_split: 0,
  }) as DatasetSpec & { source: 'file' };

describe('data sets', () => {
  it('generates the same synthetic texts from the same seed, with every class', () => {
    const a = syntheticTexts(synthetic);
    assert.deepEqual(a, syntheticTexts(synthetic));
    assert.notDeepEqual(a, syntheticTexts({ ...synthetic, seed: 2 }));
    assert.deepEqual(new Set(a.labels), new Set(['class_0', 'class_1', 'class_2']));
    assert.equal(a.texts[0]?.split(' ').length, 12);
  });

  it('loads the SpamAssassin corpus as ham and spam', () => {
    const { texts, labels } = loadTexts(
      { source: 'spam-assassin', seed: 0, validation_split: 0.2, test_split: 0 },
      '.',
    );
    assert.equal(texts.length, 6046);
    assert.equal(labels.filter((l) => l === 'spam').length, 1896);
    assert.ok(
      texts.every((t) => !/^(Return-Path|Received|Delivered-To):/.test(t)),
      'headers other than the subject are dropped',
    );
  });

  it('splits deterministically into disjoint train, validation and test sets and caches the result', () => {
    const cacheDir = tempDir();
    const options = { dataset: synthetic, vocabSize: 50, maxLength: 8, baseDir: '.', cacheDir };
    const path = prepareData(options);
    const data = readPrepared(path);
    assert.deepEqual([data.train.count, data.validation.count, data.test?.count], [210, 60, 30]);
    assert.equal(data.vocabulary.length, 50);
    assert.deepEqual(data.vocabulary.slice(0, 2), ['<pad>', '<unk>']);
    assert.deepEqual(data.classes, ['class_0', 'class_1', 'class_2']);
    const modified = statSync(path).mtimeMs;
    assert.equal(prepareData(options), path, 'same settings, same cache entry');
    assert.equal(statSync(path).mtimeMs, modified, 'not prepared again');
    assert.notEqual(prepareData({ ...options, maxLength: 9 }), path, 'other settings, other entry');
    assert.deepEqual(shuffledIndexes(10, 4), shuffledIndexes(10, 4));
    assert.deepEqual(
      [...shuffledIndexes(10, 4)].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  it('prepares an edited data file again (the key hashes its content)', () => {
    const dir = tempDir();
    const file = join(dir, 'data.csv');
    writeFileSync(
      file,
      'text,label\n' + Array.from({ length: 20 }, (_, i) => `word${i} hello,${i % 2 ? 'a' : 'b'}`).join('\n'),
    );
    const options = {
      dataset: fileSpec('data.csv'),
      vocabSize: 30,
      maxLength: 4,
      baseDir: dir,
      cacheDir: join(dir, 'cache'),
    };
    const first = prepareData(options);
    writeFileSync(
      file,
      'text,label\n' + Array.from({ length: 20 }, (_, i) => `other${i},${i % 2 ? 'a' : 'b'}`).join('\n'),
    );
    assert.notEqual(prepareData(options), first);
  });

  it('tokenizes, builds the vocabulary by frequency and encodes with padding, truncation and <unk>', () => {
    assert.deepEqual(tokenize("Don't PANIC: 42 towels!"), ["don't", 'panic', '42', 'towels']);
    const vocabulary = buildVocabulary(['b a a', 'c b a', 'd'], 4);
    assert.deepEqual(vocabulary, ['<pad>', '<unk>', 'a', 'b']);
    assert.deepEqual(Array.from(encodeTexts(['a b c a b', 'b'], vocabulary, 3)), [2, 3, 1, 3, 0, 0]);
  });

  it('parses CSV with quotes, escaped quotes, commas and newlines in fields', () => {
    const records = parseCsv('text,label\r\n"hello, ""you""\nthere",x\nplain,y\n', 'f.csv');
    assert.deepEqual(
      records.map((r) => [r.line, r.cells]),
      [
        [1, ['text', 'label']],
        [2, ['hello, "you"\nthere', 'x']],
        [4, ['plain', 'y']],
      ],
    );
  });

  it('gives a clear error for a missing file, a missing field, an empty set and a single class', () => {
    const dir = tempDir();
    const write = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const fails = (fn: () => unknown, pattern: RegExp) =>
      assert.throws(
        fn,
        (e: unknown) => e instanceof DataError && e.code === 'data_invalid' && pattern.test(e.message),
      );
    fails(
      () => fileTexts(fileSpec('x.csv'), join(dir, 'missing.csv')),
      /missing\.csv does not exist; check dataset\.path/,
    );
    fails(
      () => fileTexts(fileSpec('x.csv'), write('nolabel.csv', 'text,kind\nhi,a\n')),
      /line 2: no field "label" \(the fields are: text, kind\); set dataset\.label_field/,
    );
    fails(() => fileTexts(fileSpec('x.csv'), write('empty.csv', 'text,label\n')), /has no examples/);
    fails(
      () =>
        fileTexts(fileSpec('x.jsonl', 'jsonl'), write('bad.jsonl', '{"text": "a", "label": 1}\nnot json\n')),
      /line 2: not valid JSON/,
    );
    const single = write('single.jsonl', '{"text": "a", "label": "x"}\n{"text": "b", "label": "x"}\n');
    fails(
      () => loadTexts(fileSpec(single, 'jsonl'), dir),
      /a single class \(x\); a classifier needs examples of two or more classes/,
    );
  });

  describe('refuses data it cannot read as text and labels, saying what is wrong', () => {
    const dir = tempDir();
    const write = (name: string, content: string | Buffer) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const fails = (fn: () => unknown, pattern: RegExp) =>
      assert.throws(fn, (e: unknown) => e instanceof DataError && pattern.test(e.message));

    it('looks fields up as the row\'s own: "toString" and "constructor" are just names', () => {
      const csv = write('plain.csv', 'text,label\nhi,a\nho,b\n');
      fails(() => fileTexts({ ...fileSpec('x.csv'), label_field: 'toString' }, csv), /no field "toString"/);
      fails(
        () => fileTexts({ ...fileSpec('x.csv'), text_field: 'constructor' }, csv),
        /no field "constructor"/,
      );
      const jsonl = write('proto.jsonl', '{"__proto__": "x", "text": "a", "label": "y"}\n');
      assert.deepEqual(fileTexts({ ...fileSpec('x.jsonl', 'jsonl'), text_field: '__proto__' }, jsonl).texts, [
        'x',
      ]);
    });

    it('accepts a byte-order mark in every format; names UTF-16; refuses invalid UTF-8 with its line', () => {
      const csv = write('bom.csv', '\ufefftext,label\nhi,a\n');
      assert.deepEqual(fileTexts(fileSpec('x.csv'), csv).labels, ['a']);
      const jsonl = write('bom.jsonl', '\ufeff{"text": "hi", "label": "a"}\n');
      assert.deepEqual(fileTexts(fileSpec('x.jsonl', 'jsonl'), jsonl).labels, ['a']);
      fails(
        () =>
          fileTexts(fileSpec('x.csv'), write('u16.csv', Buffer.from('\ufefftext,label\nhi,a\n', 'utf16le'))),
        /UTF-16/,
      );
      const latin1 = Buffer.concat([
        Buffer.from('text,label\nok,a\ncaf'),
        Buffer.from([0xe9]),
        Buffer.from(',b\n'),
      ]);
      fails(() => fileTexts(fileSpec('x.csv'), write('latin1.csv', latin1)), /line 3 is not valid UTF-8/);
    });

    it('refuses labels that are not class labels, a duplicated column, texts that are all empty, and a path that is not a file', () => {
      fails(
        () =>
          fileTexts(fileSpec('x.jsonl', 'jsonl'), write('obj.jsonl', '{"text": "a", "label": {"k": 1}}\n')),
        /holds an object; a label must be text or a whole number/,
      );
      fails(
        () => fileTexts(fileSpec('x.jsonl', 'jsonl'), write('reg.jsonl', '{"text": "a", "label": 0.37}\n')),
        /holds 0\.37, which is not a class label.*regression target/,
      );
      assert.deepEqual(
        fileTexts(fileSpec('x.jsonl', 'jsonl'), write('int.jsonl', '{"text": "a", "label": 3}\n')).labels,
        ['3'],
      );
      fails(
        () => fileTexts(fileSpec('x.csv'), write('dup.csv', 'text,label,text\na,b,c\n')),
        /names the column "text" twice \(columns 1 and 3\)/,
      );
      fails(
        () => fileTexts(fileSpec('x.csv'), write('blank.csv', 'text,label\n,a\n ,b\n')),
        /every text in the field "text" is empty/,
      );
      fails(() => fileTexts(fileSpec('x.csv'), '/dev/zero'), /is not a regular file/);
      fails(() => fileTexts(fileSpec('x.csv'), dir), /is not a regular file/);
    });
  });
});

/**
 * Writes a BERT-shaped model folder with random (seeded) weights, so the real Transformers.js + ONNX Runtime
 * path can be tested and timed here, where no pretrained weights can be downloaded.
 *
 * The graph is a real post-LN transformer encoder (BERT): word + position + token-type embeddings, LayerNorm,
 * then per layer masked multi-head self-attention, residual + LayerNorm, GELU feed-forward, residual + LayerNorm.
 * `quantized: true` mirrors what ONNX Runtime's dynamic quantization writes into Transformers.js' q8 files
 * (`onnx/model_quantized.onnx`): int8 weights, DynamicQuantizeLinear on activations, MatMulInteger, and an int8
 * word-embedding table read through Gather + DequantizeLinear. Speed depends on the shape, not on weight values,
 * so the MiniLM-L6 shape times the MiniLM path honestly; the vectors themselves mean nothing.
 */
import { fileURLToPath } from 'node:url';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { seededRandom } from './seeded-random.js';

const { onnx } = onnxProto;
type NodeProto = InstanceType<typeof onnx.NodeProto>;
type TensorProto = InstanceType<typeof onnx.TensorProto>;
type AttributeValue = number | number[] | string;

export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  ffn: number;
  vocab: number;
  maxPositions: number;
  /** true writes `onnx/model_quantized.onnx` (dynamic int8, dtype 'q8'); false writes `onnx/model.onnx` (fp32). */
  quantized: boolean;
  /** Seed for the weights; the same seed and shape give the same file. */
  seed?: number;
}

/** all-MiniLM-L6-v2's exact shape, for timing the MiniLM path. */
export const MINILM_L6_SHAPE: Omit<BertShape, 'quantized'> = {
  layers: 6,
  hidden: 384,
  heads: 12,
  ffn: 1536,
  vocab: 30522,
  maxPositions: 512,
};

/** Small enough to build and run in a test in well under a second. */
export const TINY_BERT_SHAPE: Omit<BertShape, 'quantized'> = {
  layers: 2,
  hidden: 32,
  heads: 2,
  ffn: 64,
  vocab: 30522,
  maxPositions: 512,
};

/** The real tokenizer and config this folder copies, from ../shared beside the checkout (see shared/models/PROVENANCE.md). */
export const MINILM_TOKENIZER_DIR = fileURLToPath(new URL('../../../shared/models/Xenova/all-MiniLM-L6-v2', import.meta.url));
const COPIED_FILES = ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json'];

const OPSET = 17; // LayerNormalization needs 17; ONNX Runtime 1.30 runs it natively.
const IR_VERSION = 8; // The newest IR version onnx-proto 8 encodes; ORT accepts it with opset 17.
const WEIGHT_SCALE = 0.05;

/**
 * Writes `config.json` (the MiniLM config with this shape), the real tokenizer files, and the ONNX file into
 * `modelDir`. Building both dtypes into one folder is fine: each call writes only its own ONNX file.
 */
export async function writeBertModelFolder(modelDir: string, shape: BertShape): Promise<string> {
  if (shape.hidden % shape.heads !== 0) throw new Error('hidden must be a multiple of heads');
  await mkdir(path.join(modelDir, 'onnx'), { recursive: true });
  for (const file of COPIED_FILES) await copyFile(path.join(MINILM_TOKENIZER_DIR, file), path.join(modelDir, file));
  const config = JSON.parse(await readFile(path.join(MINILM_TOKENIZER_DIR, 'config.json'), 'utf8')) as Record<string, unknown>;
  Object.assign(config, {
    num_hidden_layers: shape.layers,
    hidden_size: shape.hidden,
    num_attention_heads: shape.heads,
    intermediate_size: shape.ffn,
    vocab_size: shape.vocab,
    max_position_embeddings: shape.maxPositions,
  });
  await writeFile(path.join(modelDir, 'config.json'), JSON.stringify(config, null, 2));
  const onnxFile = path.join(modelDir, 'onnx', shape.quantized ? 'model_quantized.onnx' : 'model.onnx');
  await writeFile(onnxFile, buildBertOnnx(shape));
  return onnxFile;
}

/** The serialized ModelProto for `shape`. */
export function buildBertOnnx(shape: BertShape): Uint8Array {
  const graph = new GraphBuilder(shape.seed ?? 42, shape.quantized);
  const x = embeddings(graph, shape);
  const maskBias = attentionMaskBias(graph);
  let hidden = x;
  for (let layer = 0; layer < shape.layers; layer += 1) hidden = encoderLayer(graph, shape, hidden, maskBias, `layer${layer}`);
  graph.node('Identity', [hidden], ['last_hidden_state']);
  return graph.encode(shape.hidden);
}

function embeddings(g: GraphBuilder, s: BertShape): string {
  const words = g.quantized
    ? g.quantizedGather(g.randomInt8('word_embeddings', [s.vocab, s.hidden]), 'input_ids')
    : g.op('Gather', [g.randomFloat('word_embeddings', [s.vocab, s.hidden]), 'input_ids']);
  const seqLength = g.op('Gather', [g.op('Shape', ['input_ids']), g.int64('one_scalar', [], [1])], { axis: 0 });
  const positionIds = g.op('Range', [g.int64('zero_scalar', [], [0]), seqLength, g.int64('step_scalar', [], [1])]);
  const positions = g.op('Gather', [g.randomFloat('position_embeddings', [s.maxPositions, s.hidden]), positionIds]);
  const types = g.op('Gather', [g.randomFloat('token_type_embeddings', [2, s.hidden]), 'token_type_ids']);
  const sum = g.op('Add', [g.op('Add', [words, positions]), types]);
  return g.layerNorm(sum, 'embeddings', s.hidden);
}

/** (1 - mask) * -10000, shaped [batch, 1, 1, seq] so it broadcasts over heads and query positions (as BERT does). */
function attentionMaskBias(g: GraphBuilder): string {
  const mask = g.op('Cast', ['attention_mask'], { to: onnx.TensorProto.DataType.FLOAT });
  const inverted = g.op('Sub', [g.float('one', [], [1]), mask]);
  const bias = g.op('Mul', [inverted, g.float('mask_penalty', [], [-10000])]);
  return g.op('Unsqueeze', [bias, g.int64('mask_axes', [2], [1, 2])]);
}

function encoderLayer(g: GraphBuilder, s: BertShape, x: string, maskBias: string, name: string): string {
  const headSize = s.hidden / s.heads;
  const splitHeads = g.int64(`${name}_split_heads`, [4], [0, 0, s.heads, headSize]);
  const project = (input: string, part: string, inSize: number, outSize: number): string =>
    g.dense(input, `${name}_${part}`, inSize, outSize);
  const heads = (part: string, perm: number[]): string =>
    g.op('Transpose', [g.op('Reshape', [project(x, part, s.hidden, s.hidden), splitHeads])], { perm });

  const query = heads('query', [0, 2, 1, 3]);
  const keyT = heads('key', [0, 2, 3, 1]);
  const value = heads('value', [0, 2, 1, 3]);
  const scores = g.op('Mul', [g.op('MatMul', [query, keyT]), g.float(`${name}_scale`, [], [1 / Math.sqrt(headSize)])]);
  const probabilities = g.op('Softmax', [g.op('Add', [scores, maskBias])], { axis: -1 });
  const context = g.op('Transpose', [g.op('MatMul', [probabilities, value])], { perm: [0, 2, 1, 3] });
  const merged = g.op('Reshape', [context, g.int64(`${name}_merge_heads`, [3], [0, 0, s.hidden])]);
  const attended = g.layerNorm(g.op('Add', [project(merged, 'attention_output', s.hidden, s.hidden), x]), `${name}_attention`, s.hidden);

  const intermediate = gelu(g, project(attended, 'intermediate', s.hidden, s.ffn));
  return g.layerNorm(g.op('Add', [project(intermediate, 'output', s.ffn, s.hidden), attended]), `${name}_output`, s.hidden);
}

/** Exact GELU, 0.5·x·(1 + erf(x/√2)), as BERT's "gelu" activation. */
function gelu(g: GraphBuilder, x: string): string {
  const erf = g.op('Erf', [g.op('Div', [x, g.float('sqrt2', [], [Math.SQRT2])])]);
  const onePlus = g.op('Add', [erf, g.float('gelu_one', [], [1])]);
  return g.op('Mul', [g.op('Mul', [x, onePlus]), g.float('half', [], [0.5])]);
}

/** Accumulates nodes and initializers; names every intermediate value uniquely. */
class GraphBuilder {
  private readonly nodes: NodeProto[] = [];
  private readonly initializers: TensorProto[] = [];
  private readonly declared = new Set<string>();
  private counter = 0;
  private readonly random: () => number;

  constructor(
    seed: number,
    readonly quantized: boolean,
  ) {
    this.random = seededRandom(seed);
  }

  node(opType: string, inputs: string[], outputs: string[], attributes: Record<string, AttributeValue> = {}): void {
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        input: inputs,
        output: outputs,
        name: `${opType}_${this.counter}`,
        attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
      }),
    );
  }

  /** Adds a one-output node and returns its output name. */
  op(opType: string, inputs: string[], attributes: Record<string, AttributeValue> = {}): string {
    this.counter += 1;
    const output = `${opType.toLowerCase()}_${this.counter}`;
    this.node(opType, inputs, [output], attributes);
    return output;
  }

  /** A named float tensor; constants shared between layers (e.g. `sqrt2`) are declared once. */
  float(name: string, dims: number[], values: Float32Array | number[]): string {
    if (this.declared.has(name)) return name;
    return this.initializer(name, dims, onnx.TensorProto.DataType.FLOAT, Float32Array.from(values));
  }

  int64(name: string, dims: number[], values: number[]): string {
    if (this.declared.has(name)) return name;
    return this.initializer(name, dims, onnx.TensorProto.DataType.INT64, BigInt64Array.from(values.map(BigInt)));
  }

  randomFloat(name: string, dims: number[]): string {
    return this.initializer(name, dims, onnx.TensorProto.DataType.FLOAT, this.randomWeights(dims));
  }

  /** Symmetric per-tensor int8 weights (zero point 0), as ORT's dynamic quantizer writes them. */
  randomInt8(name: string, dims: number[]): { data: string; scale: string; zeroPoint: string } {
    const quantized = new Int8Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < quantized.length; i += 1) quantized[i] = Math.round((this.random() * 2 - 1) * 127);
    return {
      data: this.initializer(`${name}_quantized`, dims, onnx.TensorProto.DataType.INT8, quantized),
      scale: this.float(`${name}_scale`, [], [WEIGHT_SCALE / 127]),
      zeroPoint: this.initializer(`${name}_zero_point`, [], onnx.TensorProto.DataType.INT8, new Int8Array(1)),
    };
  }

  quantizedGather(table: { data: string; scale: string; zeroPoint: string }, indices: string): string {
    return this.op('DequantizeLinear', [this.op('Gather', [table.data, indices]), table.scale, table.zeroPoint]);
  }

  /** x·W + b, with W as fp32 MatMul or as the dynamic-int8 MatMulInteger pattern. */
  dense(x: string, name: string, inSize: number, outSize: number): string {
    const bias = this.randomFloat(`${name}_bias`, [outSize]);
    if (!this.quantized) return this.op('Add', [this.op('MatMul', [x, this.randomFloat(`${name}_weight`, [inSize, outSize])]), bias]);
    const weight = this.randomInt8(`${name}_weight`, [inSize, outSize]);
    this.counter += 1;
    const [xq, xScale, xZeroPoint] = ['quantized', 'scale', 'zero_point'].map((part) => `${name}_input_${part}_${this.counter}`) as [string, string, string];
    this.node('DynamicQuantizeLinear', [x], [xq, xScale, xZeroPoint]);
    const product = this.op('MatMulInteger', [xq, weight.data, xZeroPoint, weight.zeroPoint]);
    const scaled = this.op('Mul', [this.op('Cast', [product], { to: onnx.TensorProto.DataType.FLOAT }), this.op('Mul', [xScale, weight.scale])]);
    return this.op('Add', [scaled, bias]);
  }

  layerNorm(x: string, name: string, hidden: number): string {
    const gamma = this.float(`${name}_ln_gamma`, [hidden], new Float32Array(hidden).fill(1));
    const beta = this.float(`${name}_ln_beta`, [hidden], new Float32Array(hidden));
    return this.op('LayerNormalization', [x, gamma, beta], { axis: -1, epsilon: 1e-12 });
  }

  encode(hidden: number): Uint8Array {
    const int64Input = (name: string) => valueInfo(name, onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence_length']);
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: 'verbatim-test-bert-onnx',
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: 'bert',
        node: this.nodes,
        initializer: this.initializers,
        input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
        output: [valueInfo('last_hidden_state', onnx.TensorProto.DataType.FLOAT, ['batch_size', 'sequence_length', hidden])],
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private initializer(name: string, dims: number[], dataType: number, values: ArrayBufferView): string {
    if (this.declared.has(name)) throw new Error(`initializer ${name} declared twice`);
    this.declared.add(name);
    const rawData = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    this.initializers.push(onnx.TensorProto.create({ name, dims, dataType, rawData }));
    return name;
  }

  /** Uniform in [-WEIGHT_SCALE, WEIGHT_SCALE]: keeps activations in a sane range through LayerNorm. */
  private randomWeights(dims: number[]): Float32Array {
    const values = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < values.length; i += 1) values[i] = (this.random() * 2 - 1) * WEIGHT_SCALE;
    return values;
  }
}

function valueInfo(name: string, elemType: number, dims: Array<string | number>) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
      },
    },
  });
}

function attribute(name: string, value: AttributeValue) {
  const { AttributeType } = onnx.AttributeProto;
  if (Array.isArray(value)) return onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: value });
  if (typeof value === 'string') return onnx.AttributeProto.create({ name, type: AttributeType.STRING, s: new TextEncoder().encode(value) });
  if (Number.isInteger(value)) return onnx.AttributeProto.create({ name, type: AttributeType.INT, i: value });
  return onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: value });
}


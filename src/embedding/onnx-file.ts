/** Which ONNX file Transformers.js reads for a dtype (Transformers.js v4 naming). */
import type { Config } from '../config.js';

export function onnxFileName(dtype: Config['embeddingDtype']): string {
  if (dtype === 'fp32') return 'model.onnx';
  if (dtype === 'q8') return 'model_quantized.onnx';
  return `model_${dtype}.onnx`;
}

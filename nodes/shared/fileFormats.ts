import type { BinaryFile } from './request';
import type { MediaType } from './types';

/**
 * The file formats Wan takes, by media type, each as its MIME type with the file extensions that name
 * it (Alibaba's Wan references: images JPEG, PNG, BMP, WebP; video MP4, MOV; audio MP3, WAV).
 */
const WAN_FORMATS: Record<MediaType, Record<string, readonly string[]>> = {
	image: { 'image/jpeg': ['jpg', 'jpeg'], 'image/png': ['png'], 'image/bmp': ['bmp'], 'image/webp': ['webp'] },
	video: { 'video/mp4': ['mp4'], 'video/quicktime': ['mov'] },
	audio: { 'audio/mpeg': ['mp3'], 'audio/wav': ['wav'] },
};

/** Other names the same formats go by. */
const MIME_ALIASES: Record<string, string> = {
	'image/jpg': 'image/jpeg',
	'image/x-ms-bmp': 'image/bmp',
	'audio/mp3': 'audio/mpeg',
	'audio/x-wav': 'audio/wav',
	'audio/wave': 'audio/wav',
	'audio/vnd.wave': 'audio/wav',
};

/**
 * The file's format as a MIME type Wan takes, from the MIME type n8n gave it, else (a generic
 * `application/octet-stream`, say) from its file name's extension; `undefined` when it is none of them.
 */
export function wanFormatOf(file: BinaryFile, type: MediaType): string | undefined {
	const formats = WAN_FORMATS[type];
	const mimeType = file.mimeType.trim().toLowerCase().split(';')[0];
	const named = MIME_ALIASES[mimeType] ?? mimeType;
	if (formats[named]) return named;
	const extension = /\.([a-z0-9]+)$/i.exec(file.fileName)?.[1]?.toLowerCase();
	return Object.keys(formats).find((format) => extension && formats[format].includes(extension));
}

/** The formats of a media type, as users know them: "JPEG, PNG, BMP or WebP". */
export function wanFormatNames(type: MediaType, allowed?: readonly string[]): string {
	const names = Object.entries(WAN_FORMATS[type])
		.filter(([mimeType]) => !allowed || allowed.includes(mimeType))
		.map(([, extensions]) => extensions[0].toUpperCase().replace('WEBP', 'WebP').replace('JPG', 'JPEG'));
	return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}

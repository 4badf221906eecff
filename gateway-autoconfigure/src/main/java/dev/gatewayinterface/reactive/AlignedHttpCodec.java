package dev.gatewayinterface.reactive;

import static io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
import static io.netty.handler.codec.http.HttpStatusClass.SUCCESS;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import reactor.netty.NettyPipeline;

/**
 * Serve HTTP/1.1 as Netty's {@code HttpServerCodec} does, from a decoder of a given configuration, but refuse the
 * chunk-size lines that decoder reads leniently where Tomcat refuses them (docs/SPEC.md §14.5). The codec is split in
 * two handlers, the decoder keeping Reactor Netty's name for the codec: {@code HttpServerCodec} is final, and a
 * WebSocket handshake finds a decoder and an encoder standing apart as readily as it finds that codec.
 */
final class AlignedHttpCodec {

    /** The encoder's name in the pipeline, right before the decoder, which carries Reactor Netty's codec name. */
    static final String ENCODER_NAME = "gateway.responseEncoder";

    private AlignedHttpCodec() {
    }

    /**
     * Put the aligned codec in place of Reactor Netty's.
     * @param pipeline a connection's pipeline, holding Reactor Netty's HTTP/1.1 codec
     * @param config the decoder's configuration
     */
    static void replace(ChannelPipeline pipeline, HttpDecoderConfig config) {
        // The methods of the requests read, oldest first, which tell the encoder whether a response has a body.
        Queue<HttpMethod> methods = new ArrayDeque<>();
        pipeline.replace(NettyPipeline.HttpCodec, NettyPipeline.HttpCodec, new RequestDecoder(config, methods));
        // Before the decoder: whatever a handler puts behind the codec's name writes through the encoder.
        pipeline.addBefore(NettyPipeline.HttpCodec, ENCODER_NAME, new ResponseEncoder(methods));
    }

    /** Decode as Netty does, then refuse a chunk-size line it read that Tomcat would refuse. */
    private static final class RequestDecoder extends HttpRequestDecoder {

        private final Queue<HttpMethod> methods;

        private final ChunkSizeLines chunkSizeLines = new ChunkSizeLines();

        /** Whether this decoder refused a body: like Netty's after a failure, it reads nothing more. */
        private boolean refused;

        /** Whether the decoder was told to start over, which it does at its next read, a new request's head. */
        private volatile boolean resetRequested;

        RequestDecoder(HttpDecoderConfig config, Queue<HttpMethod> methods) {
            super(config);
            this.methods = methods;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (refused) {
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            if (resetRequested) {
                resetRequested = false;
                chunkSizeLines.end();
            }
            int from = buffer.readerIndex();
            int first = out.size();
            super.decode(ctx, buffer, out);
            String fault = failed(out, first) ? null : chunkSizeLines.follow(buffer, from, buffer.readerIndex());
            if (fault != null) {
                refuse(buffer, out, first, fault);
                return;
            }
            for (int i = first; i < out.size(); i++) {
                Object message = out.get(i);
                if (message instanceof HttpRequest request) {
                    methods.add(request.method());
                    boolean bodyFollows = i + 1 == out.size() || !(out.get(i + 1) instanceof LastHttpContent);
                    if (request.decoderResult().isSuccess() && bodyFollows
                            && HttpUtil.isTransferEncodingChunked(request)) {
                        chunkSizeLines.begin();
                    }
                }
                else if (message instanceof LastHttpContent) {
                    chunkSizeLines.end();
                }
            }
        }

        @Override
        public void reset() {
            resetRequested = true;
            super.reset();
        }

        private static boolean failed(List<Object> out, int first) {
            for (int i = first; i < out.size(); i++) {
                if (out.get(i) instanceof DecoderResultProvider message && message.decoderResult().isFailure()) {
                    return true;
                }
            }
            return false;
        }

        /** End the body with a failure, as Netty's decoder does with a chunk-size line it cannot read. */
        private void refuse(ByteBuf buffer, List<Object> out, int first, String fault) {
            while (out.size() > first) {
                ReferenceCountUtil.release(out.remove(out.size() - 1));
            }
            buffer.skipBytes(buffer.readableBytes());
            refused = true;
            LastHttpContent failure = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
            failure.setDecoderResult(DecoderResult.failure(new CorruptedFrameException(fault)));
            out.add(failure);
        }
    }

    /** Encode as Netty's server codec does: no body for a HEAD request's response, none framed for a tunnel's. */
    private static final class ResponseEncoder extends HttpResponseEncoder {

        private final Queue<HttpMethod> methods;

        private HttpMethod method;

        ResponseEncoder(Queue<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse response) {
            HttpResponseStatus status = response.status();
            // Unlike Netty's codec, an interim response leaves the request's method for its final response.
            if (status.codeClass() != INFORMATIONAL || status.code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                method = methods.poll();
            }
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(response);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse response, boolean isAlwaysEmpty) {
            if (!isAlwaysEmpty && HttpMethod.CONNECT.equals(method) && response.status().codeClass() == SUCCESS) {
                // A tunnel's bytes follow a successful CONNECT unframed (RFC 9110 §9.3.6).
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(response, isAlwaysEmpty);
        }
    }
}

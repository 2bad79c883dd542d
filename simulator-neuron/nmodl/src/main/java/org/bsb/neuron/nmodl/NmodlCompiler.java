package org.bsb.neuron.nmodl;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.neuron.nmodl.ast.Ast.ModFile;
import org.bsb.neuron.nmodl.gen.InMemoryCompiler;
import org.bsb.neuron.nmodl.gen.JavaGenerator;
import org.bsb.neuron.nmodl.parse.Parser;
import org.bsb.neuron.nmodl.runtime.CompiledKernel;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Compiles {@code .mod} text into a {@link CompiledMechanism} (a factory of kernels). Results are cached per
 * SHA-256 of the file content, so the same file is compiled once per JVM.
 */
public final class NmodlCompiler {
  private static final Map<String, CompiledMechanism> CACHE = new ConcurrentHashMap<>();

  private NmodlCompiler() {}

  /** A compiled mechanism: its description and a factory for instances storage. */
  public record CompiledMechanism(MechanismInfo info, Constructor<? extends CompiledKernel> constructor, String source) {
    public CompiledKernel newKernel() {
      try {
        return constructor.newInstance(info);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static CompiledMechanism compile(String fileName, String text) {
    String key = sha256(text);
    CompiledMechanism cached = CACHE.get(key);
    if (cached != null) return cached;
    CompiledMechanism c = compileUncached(fileName, text, "M" + key.substring(0, 16));
    CACHE.putIfAbsent(key, c);
    return CACHE.get(key);
  }

  /** Parses and generates Java source (no compilation), for inspection and tests. */
  public static String generateSource(String fileName, String text) {
    return JavaGenerator.generate(analyse(fileName, text), "Preview");
  }

  public static Symbols analyse(String fileName, String text) {
    ModFile mod;
    try {
      mod = Parser.parse(fileName, text);
    } catch (StackOverflowError e) {
      throw new NmodlException(fileName, "expression or block nesting too deep");
    }
    return new Symbols(mod);
  }

  @SuppressWarnings("unchecked")
  private static CompiledMechanism compileUncached(String fileName, String text, String className) {
    Symbols sym = analyse(fileName, text);
    String src;
    try {
      src = JavaGenerator.generate(sym, className);
    } catch (StackOverflowError e) {
      throw new NmodlException(fileName, "expression or block nesting too deep");
    }
    Class<?> cls = InMemoryCompiler.compile(JavaGenerator.PACKAGE + "." + className, src);
    List<MechanismInfo.Field> fields = new ArrayList<>(sym.fields.values());
    MechanismInfo info = new MechanismInfo(sym.mod.mechanismName(), fileName, sym.isPointProcess(),
        sym.mod.artificialCell, List.copyOf(fields), List.copyOf(sym.ions),
        sym.mod.netReceive == null ? 0 : sym.mod.netReceive.params().size(), !sym.currents.isEmpty());
    try {
      return new CompiledMechanism(info, (Constructor<? extends CompiledKernel>) cls.getConstructor(MechanismInfo.class), src);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

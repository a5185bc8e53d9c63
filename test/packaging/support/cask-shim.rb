# Loads a Homebrew cask with just enough of Homebrew's cask DSL to say, as JSON, which stanzas it uses in which
# order and what each holds: `#{version}` in its url is interpolated as Homebrew does, and an unknown stanza fails.
# Homebrew itself (brew style, brew audit) is not installable here; this reads what Ruby really evaluates.
require 'json'

class LivecheckShim
  attr_reader :values

  def initialize
    @values = {}
  end

  def url(value) = @values['url'] = value.to_s
  def strategy(value) = @values['strategy'] = value.to_s
end

class CaskShim
  STANZAS = %w[sha256 name desc homepage app].freeze

  def initialize
    @order = []
    @values = {}
  end

  def version(value = nil)
    return @values.fetch('version') if value.nil?

    record('version', value)
  end

  STANZAS.each { |stanza| define_method(stanza) { |value| record(stanza, value) } }

  def url(value, **options) = record('url', { 'url' => value, 'options' => options.transform_keys(&:to_s) })
  def livecheck(&block) = record('livecheck', LivecheckShim.new.tap { |l| l.instance_eval(&block) }.values)
  def depends_on(**options) = record('depends_on', options.transform_keys(&:to_s))
  def zap(**options) = record('zap', options.transform_keys(&:to_s))

  def method_missing(name, *_args)
    raise NoMethodError, "not a stanza this cask is expected to use: #{name}"
  end

  def respond_to_missing?(*) = false

  def result(token) = { 'token' => token, 'order' => @order, 'values' => @values }

  private

  def record(stanza, value)
    @order << stanza
    @values[stanza] = value
  end
end

def cask(token, &block)
  shim = CaskShim.new
  shim.instance_eval(&block)
  puts JSON.generate(shim.result(token))
end

load ARGV.fetch(0)
